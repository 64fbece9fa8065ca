namespace Grundschutz.Infrastructure.Files;

/// <summary>The outcome of <see cref="EvidenceStore.SaveAsync"/>.</summary>
/// <param name="StorageKey">"sha256:&lt;hex&gt;": the content address, kept in <c>EvidenceFile.StorageKey</c>.</param>
/// <param name="Sha256">The SHA-256 of the bytes, lower-case hex.</param>
/// <param name="SizeBytes">Number of bytes stored.</param>
/// <param name="FileName">The sanitised original name (no path).</param>
/// <param name="ContentType">The MIME type implied by the (checked) extension.</param>
/// <param name="AlreadyStored">True when the same bytes were stored before (deduplicated).</param>
public sealed record StoredEvidence(string StorageKey, string Sha256, long SizeBytes, string FileName, string ContentType, bool AlreadyStored);
