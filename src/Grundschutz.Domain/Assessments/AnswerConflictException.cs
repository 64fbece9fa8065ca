namespace Grundschutz.Domain.Assessments;

/// <summary>
/// Someone else saved the answer since the user loaded it (optimistic concurrency). Carries the
/// stored values so the page can show the other version next to the user's input.
/// </summary>
public sealed class AnswerConflictException : AssessmentRuleException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="current">The stored answer as it is now.</param>
    /// <param name="expectedVersion">The version the user's edit was based on.</param>
    public AnswerConflictException(AnswerSnapshot current, int expectedVersion)
        : base(BuildMessage(current, expectedVersion))
    {
        Current = current;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The stored answer as it is now.</summary>
    public AnswerSnapshot Current { get; }

    /// <summary>The version the user's edit was based on.</summary>
    public int ExpectedVersion { get; }

    private static string BuildMessage(AnswerSnapshot current, int expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(current);
        var who = current.UpdatedByUserId is null ? "" : $" von „{current.UpdatedByUserId}“";
        return $"Die Antwort zu {current.Values.RequirementId} wurde inzwischen{who} geändert "
            + $"(Version {current.Version}, Ihre Bearbeitung beruht auf Version {expectedVersion}). "
            + "Bitte die aktuelle Fassung prüfen und erneut speichern.";
    }
}
