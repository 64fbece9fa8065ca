using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Grundschutz.Domain.Assessments;

/// <summary>
/// The hash chain over the history of one answer (tamper evidence for the audit trail). Every
/// <see cref="AnswerChange"/> carries <c>SHA-256(canonical(entry))</c>, where the canonical form is a UTF-8 JSON
/// array of: the format tag, assessment id, requirement id, target object id, sequence number (1, 2, …), change id,
/// field, old value, new value, user id, time (UTC, milliseconds) and the previous entry's hash (null for the
/// first). The chain is per answer: answers carry their own optimistic concurrency token, so two colleagues saving
/// different answers never race for the same chain head, and the head is stored on the answer row.
/// </summary>
public static class AnswerChain
{
    /// <summary>Tag of the canonical form; a new form gets a new tag.</summary>
    public const string FormatTag = "grundschutz-answer-chain/1";

    /// <summary>
    /// The time as it enters the hash: UTC, truncated to milliseconds (PostgreSQL keeps microseconds, the SQLite
    /// converter 100 µs; the hash must survive a round trip through either).
    /// </summary>
    public static string FormatTime(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var truncated = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        return truncated.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>The canonical bytes of one chain entry (see the type summary).</summary>
    public static byte[] Canonical(AnswerChainEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(FormatTag);
            writer.WriteStringValue(entry.AssessmentId.ToString("D"));
            writer.WriteStringValue(entry.RequirementId);
            writer.WriteStringValue(entry.TargetObjectId.ToString("D"));
            writer.WriteNumberValue(entry.Sequence);
            writer.WriteStringValue(entry.ChangeId.ToString("D"));
            writer.WriteStringValue(entry.Field);
            WriteNullable(writer, entry.OldValue);
            WriteNullable(writer, entry.NewValue);
            writer.WriteStringValue(entry.UserId);
            writer.WriteStringValue(FormatTime(entry.At));
            WriteNullable(writer, entry.PreviousHash);
            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>The hash of one entry: lower-case hex SHA-256 of <see cref="Canonical"/>.</summary>
    public static string Hash(AnswerChainEntry entry) => Convert.ToHexStringLower(SHA256.HashData(Canonical(entry)));

    /// <summary>The chain entry of a stored change.</summary>
    public static AnswerChainEntry EntryOf(Guid assessmentId, string requirementId, Guid targetObjectId, AnswerChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new AnswerChainEntry(
            assessmentId, requirementId, targetObjectId, change.Sequence, change.Id, change.Field, change.OldValue, change.NewValue, change.UserId, change.At, change.PreviousHash);
    }

    private static void WriteNullable(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
