namespace Grundschutz.Domain.Evidence;

/// <summary>
/// Freshness rules of the audit scheme (DOMAIN.md §3.2, MAB 3.1): every A.4 answer must have been (re)assessed
/// within the last 12 months; the Leitlinie (A.0.1) is flagged when it was approved more than 2 years ago or its
/// next review date has passed. Pure: the caller passes today's date (from its TimeProvider).
/// </summary>
public static class AuditFreshness
{
    /// <summary>A.4 answers must be at most this many months old.</summary>
    public const int AnswerMonths = 12;

    /// <summary>The Leitlinie is flagged when approved more than this many years ago.</summary>
    public const int LeitlinieYears = 2;

    /// <summary>
    /// The warnings for <paramref name="today"/>. An answer counts as assessed on its Datum der Erhebung, or when it
    /// was last saved if that date is missing; assessed exactly 12 months ago is still fresh, one day more is not.
    /// The Leitlinie approved exactly 2 years ago is still fresh; a review due today is not yet overdue.
    /// </summary>
    /// <param name="today">The reference date.</param>
    /// <param name="answerDates">The assessment date of each answered A.4 pair.</param>
    /// <param name="leitlinie">The current Leitlinie, or null when none was uploaded.</param>
    public static IReadOnlyList<FreshnessWarning> Evaluate(DateOnly today, IEnumerable<DateOnly> answerDates, LeitlinieFacts? leitlinie)
    {
        ArgumentNullException.ThrowIfNull(answerDates);
        var warnings = new List<FreshnessWarning>();
        var limit = today.AddMonths(-AnswerMonths);
        var stale = 0;
        DateOnly? oldest = null;
        foreach (var date in answerDates)
        {
            if (date < limit)
            {
                stale++;
                oldest = oldest is null || date < oldest ? date : oldest;
            }
        }

        if (stale > 0)
        {
            warnings.Add(FreshnessWarning.Of(FreshnessWarningKind.StaleAnswers, stale, oldest));
        }

        if (leitlinie is null)
        {
            warnings.Add(FreshnessWarning.Of(FreshnessWarningKind.LeitlinieMissing, 0, null));
            return warnings;
        }

        if (leitlinie.ApprovedOn < today.AddYears(-LeitlinieYears))
        {
            warnings.Add(FreshnessWarning.Of(FreshnessWarningKind.LeitlinieOld, 0, leitlinie.ApprovedOn));
        }

        if (leitlinie.NextReview is { } review && review < today)
        {
            warnings.Add(FreshnessWarning.Of(FreshnessWarningKind.LeitlinieReviewOverdue, 0, review));
        }

        return warnings;
    }
}
