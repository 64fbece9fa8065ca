namespace Grundschutz.Domain.Assessments;

/// <summary>
/// Whether every applicable requirement × target object pair is answered and valid; computed by
/// <see cref="Assessment.CheckCompleteness"/>. Submitting needs <see cref="IsComplete"/>.
/// </summary>
/// <param name="Total">Number of applicable pairs.</param>
/// <param name="Answered">Pairs whose status is not open (valid or not).</param>
/// <param name="Missing">Pairs still open (no answer or status open).</param>
/// <param name="Invalid">Answered pairs that fail validation.</param>
public sealed record CompletenessReport(int Total, int Answered, IReadOnlyList<QuestionKey> Missing, IReadOnlyList<InvalidAnswer> Invalid)
{
    /// <summary>True when there is something to answer, nothing is open and nothing is invalid.</summary>
    public bool IsComplete => Total > 0 && Missing.Count == 0 && Invalid.Count == 0;

    /// <summary>German explanation of what still blocks submitting (empty when complete).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Total == 0)
        {
            problems.Add("Es sind noch keine Bausteine auf Zielobjekte angewendet; es gibt nichts zu beantworten.");
        }

        if (Missing.Count > 0)
        {
            problems.Add(Missing.Count == 1
                ? "1 Anforderung ist noch nicht beantwortet."
                : $"{Missing.Count} Anforderungen sind noch nicht beantwortet.");
        }

        if (Invalid.Count > 0)
        {
            problems.Add(Invalid.Count == 1
                ? "1 Antwort ist unvollständig oder ungültig."
                : $"{Invalid.Count} Antworten sind unvollständig oder ungültig.");
        }

        return problems;
    }
}
