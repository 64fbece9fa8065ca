using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Dates;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Evidence;

/// <summary>
/// One version of an A.0 policy document (Richtlinie) of a municipality, e.g. A.0.1 Leitlinie zur
/// Informationssicherheit. Policies belong to the municipality, not to an assessment: the Leitlinie outlives
/// assessments. A new version replaces the current one (<see cref="SupersededAt"/> is set on the old one, which is
/// kept), so an evidence package can include the versions that were valid when the assessment was approved.
/// </summary>
public sealed class PolicyDocument
{
    /// <summary>Longest title, author, approver.</summary>
    public const int MaxTextLength = 200;

    private PolicyDocument()
    {
        Number = "";
        Title = "";
        Author = "";
        Version = "";
        ApprovedBy = "";
        FileName = "";
        StorageKey = "";
        UploadedByUserId = "";
    }

    /// <summary>Id, generated in the domain.</summary>
    public Guid Id { get; private set; }

    /// <summary>The owning municipality.</summary>
    public int MunicipalityId { get; private set; }

    /// <summary>Number in the reference document list, e.g. A.0.1.</summary>
    public string Number { get; private set; }

    /// <summary>Title, e.g. „Leitlinie zur Informationssicherheit“.</summary>
    public string Title { get; private set; }

    /// <summary>Author.</summary>
    public string Author { get; private set; }

    /// <summary>Version label as written on the document.</summary>
    public string Version { get; private set; }

    /// <summary>Approved (in Kraft gesetzt) on.</summary>
    public DateOnly ApprovedOn { get; private set; }

    /// <summary>Approved by (e.g. the Bürgermeisterin).</summary>
    public string ApprovedBy { get; private set; }

    /// <summary>Next scheduled review, if set.</summary>
    public DateOnly? NextReview { get; private set; }

    /// <summary>Changes against the previous version (for the reference list), if given.</summary>
    public string? Changes { get; private set; }

    /// <summary>Original (sanitised) file name.</summary>
    public string FileName { get; private set; }

    /// <summary>MIME type.</summary>
    public string? ContentType { get; private set; }

    /// <summary>Size in bytes.</summary>
    public long SizeBytes { get; private set; }

    /// <summary>Key of the stored bytes ("sha256:&lt;hex&gt;").</summary>
    public string StorageKey { get; private set; }

    /// <summary>When this version was uploaded.</summary>
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Who uploaded it.</summary>
    public string UploadedByUserId { get; private set; }

    /// <summary>When a newer version replaced this one (null: current version).</summary>
    public DateTimeOffset? SupersededAt { get; private set; }

    /// <summary>True while no newer version exists.</summary>
    public bool IsCurrent => SupersededAt is null;

    /// <summary>True when this version was in force at <paramref name="moment"/> (uploaded before, not yet replaced).</summary>
    public bool WasValidAt(DateTimeOffset moment) => UploadedAt <= moment && (SupersededAt is null || SupersededAt > moment);

    /// <summary>
    /// A new policy version. Validates the metadata (German messages in <see cref="PolicyRuleException"/>): the
    /// approval and the next review lie in <see cref="PlausibleDates"/>, the approval not after the date of
    /// <paramref name="now"/> (a document is approved before it is uploaded), the review not before the approval.
    /// </summary>
    public static PolicyDocument Create(
        int municipalityId,
        PolicyMetadata metadata,
        string fileName,
        string? contentType,
        long sizeBytes,
        string storageKey,
        string userId,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentException.ThrowIfNullOrWhiteSpace(storageKey);
        var number = PolicyNumbers.Normalize(metadata.Number)
            ?? throw new PolicyRuleException(MessageText.Of(
                "„{0}“ ist keine Nummer eines A.0-Dokuments (erwartet z. B. A.0.1).",
                metadata.Number is { Length: > 40 } typed ? typed[..40] + "…" : metadata.Number)); // an echo, not the whole input
        return new PolicyDocument
        {
            Id = Guid.CreateVersion7(now),
            MunicipalityId = municipalityId,
            Number = number,
            Title = Required(metadata.Title, new Term("Titel")),
            Author = Required(metadata.Author, new Term("Autor/in")),
            Version = Required(metadata.Version, new Term("Version")),
            ApprovedOn = Approval(metadata.ApprovedOn, now),
            ApprovedBy = Required(metadata.ApprovedBy, new Term("Freigegeben von")),
            NextReview = Review(metadata.NextReview, metadata.ApprovedOn),
            Changes = string.IsNullOrWhiteSpace(metadata.Changes) ? null : metadata.Changes.Trim(),
            FileName = Required(fileName, new Term("Dateiname")),
            ContentType = contentType,
            SizeBytes = sizeBytes,
            StorageKey = storageKey,
            UploadedAt = now,
            UploadedByUserId = userId,
        };
    }

    /// <summary>Marks this version as replaced by a newer one.</summary>
    public void Supersede(DateTimeOffset now)
    {
        if (SupersededAt is null)
        {
            SupersededAt = now;
        }
    }

    private static DateOnly Approval(DateOnly approvedOn, DateTimeOffset now)
    {
        if (!PlausibleDates.Contains(approvedOn))
        {
            throw new PolicyRuleException(PlausibleDates.OutOfRange(new Term("Freigegeben am")));
        }

        if (approvedOn > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new PolicyRuleException(MessageText.Of("Das Freigabedatum darf nicht in der Zukunft liegen."));
        }

        return approvedOn;
    }

    private static DateOnly? Review(DateOnly? nextReview, DateOnly approvedOn)
    {
        if (nextReview is not { } review)
        {
            return null;
        }

        if (!PlausibleDates.Contains(review))
        {
            throw new PolicyRuleException(PlausibleDates.OutOfRange(new Term("Nächste Überprüfung")));
        }

        return review < approvedOn
            ? throw new PolicyRuleException(MessageText.Of("Die nächste Überprüfung kann nicht vor der Freigabe liegen."))
            : review;
    }

    private static string Required(string? value, Term label)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new PolicyRuleException(MessageText.Of("Bitte „{0}“ angeben.", label));
        }

        if (trimmed.Length > MaxTextLength)
        {
            throw new PolicyRuleException(MessageText.Of("„{0}“ darf höchstens {1} Zeichen lang sein.", label, MaxTextLength));
        }

        return trimmed;
    }
}
