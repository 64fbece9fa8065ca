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

    /// <summary>Nothing in scope yet.</summary>
    public const string NothingInScopeFormat = "Es sind noch keine Bausteine auf Zielobjekte angewendet; es gibt nichts zu beantworten.";

    /// <summary>One open requirement.</summary>
    public const string OneMissingFormat = "1 Anforderung ist noch nicht beantwortet.";

    /// <summary>{0} open requirements.</summary>
    public const string ManyMissingFormat = "{0} Anforderungen sind noch nicht beantwortet.";

    /// <summary>One invalid answer.</summary>
    public const string OneInvalidFormat = "1 Antwort ist unvollständig oder ungültig.";

    /// <summary>{0} invalid answers.</summary>
    public const string ManyInvalidFormat = "{0} Antworten sind unvollständig oder ungültig.";

    /// <summary>What still blocks submitting as formats (the resource keys of their translations) and arguments.</summary>
    public IReadOnlyList<(string Format, object[] Arguments)> ProblemTexts()
    {
        var problems = new List<(string, object[])>();
        if (Total == 0)
        {
            problems.Add((NothingInScopeFormat, []));
        }

        if (Missing.Count > 0)
        {
            problems.Add(Missing.Count == 1 ? (OneMissingFormat, []) : (ManyMissingFormat, [Missing.Count]));
        }

        if (Invalid.Count > 0)
        {
            problems.Add(Invalid.Count == 1 ? (OneInvalidFormat, []) : (ManyInvalidFormat, [Invalid.Count]));
        }

        return problems;
    }

    /// <summary>German explanation of what still blocks submitting (empty when complete).</summary>
    public IReadOnlyList<string> Problems() =>
        ProblemTexts().Select(p => string.Format(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), p.Format, p.Arguments)).ToList();
}
