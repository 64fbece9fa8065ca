namespace Grundschutz.Domain.Scoring;

/// <summary>
/// <see cref="ScoreReport.Verdicts"/> without materialising 73,400 structs: computed on access from the
/// fulfilled flags, the blocking dependencies (Grundschutz++ only) and the freshness cut-off.
/// </summary>
internal sealed class PairVerdictList(IReadOnlyList<ScoredPair> pairs, bool[] fulfilled, string?[]? blocking, DateOnly freshCutoff) : IReadOnlyList<PairVerdict>
{
    public int Count => pairs.Count;

    public PairVerdict this[int index]
    {
        get
        {
            var pair = pairs[index];
            var fresh = !pair.Withdrawn && pair.Status != Assessments.AnswerStatus.Open && pair.AssessedOn is { } on && on >= freshCutoff;
            return new PairVerdict(fulfilled[index], fresh, blocking?[index]);
        }
    }

    public IEnumerator<PairVerdict> GetEnumerator()
    {
        for (var i = 0; i < pairs.Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
