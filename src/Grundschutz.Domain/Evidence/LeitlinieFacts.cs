namespace Grundschutz.Domain.Evidence;

/// <summary>What the freshness rule needs to know about the current Leitlinie (A.0.1).</summary>
/// <param name="ApprovedOn">Approved on.</param>
/// <param name="NextReview">Next review, if planned.</param>
public sealed record LeitlinieFacts(DateOnly ApprovedOn, DateOnly? NextReview);
