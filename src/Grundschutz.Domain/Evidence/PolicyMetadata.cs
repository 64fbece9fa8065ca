namespace Grundschutz.Domain.Evidence;

/// <summary>The metadata of an A.0 policy version as entered by the ISB.</summary>
/// <param name="Number">A.0.1 … A.0.n.</param>
/// <param name="Title">Title.</param>
/// <param name="Author">Author.</param>
/// <param name="Version">Version label.</param>
/// <param name="ApprovedOn">Approved on.</param>
/// <param name="ApprovedBy">Approved by.</param>
/// <param name="NextReview">Next review, if planned.</param>
/// <param name="Changes">Relevant changes against the previous version.</param>
public sealed record PolicyMetadata(
    string Number,
    string Title,
    string Author,
    string Version,
    DateOnly ApprovedOn,
    string ApprovedBy,
    DateOnly? NextReview,
    string? Changes);
