namespace Grundschutz.Domain.Assessments;

/// <summary>
/// A reference to an evidence file (Nachweis) of an answer. The bytes live in storage owned by
/// the infrastructure; <see cref="StorageKey"/> points there. Reopening an assessment copies the
/// reference, so several answers may share one stored file.
/// </summary>
public sealed class EvidenceFile
{
    /// <summary>Longest allowed file name.</summary>
    public const int MaxFileNameLength = 255;

    private EvidenceFile()
    {
        FileName = "";
        StorageKey = "";
        UploadedByUserId = "";
    }

    internal EvidenceFile(Guid id, string fileName, string? contentType, long sizeBytes, string storageKey, DateTimeOffset uploadedAt, string uploadedByUserId)
    {
        Id = id;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        StorageKey = storageKey;
        UploadedAt = uploadedAt;
        UploadedByUserId = uploadedByUserId;
    }

    /// <summary>Id, generated in the domain.</summary>
    public Guid Id { get; private set; }

    /// <summary>Original file name as shown to users.</summary>
    public string FileName { get; private set; }

    /// <summary>MIME type, if known.</summary>
    public string? ContentType { get; private set; }

    /// <summary>Size in bytes.</summary>
    public long SizeBytes { get; private set; }

    /// <summary>Opaque key of the stored bytes (set by the infrastructure).</summary>
    public string StorageKey { get; private set; }

    /// <summary>When it was attached.</summary>
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Who attached it.</summary>
    public string UploadedByUserId { get; private set; }

    internal EvidenceFile CopyWithNewId(Guid id) => new(id, FileName, ContentType, SizeBytes, StorageKey, UploadedAt, UploadedByUserId);
}
