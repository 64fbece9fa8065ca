namespace Grundschutz.Domain.Assessments;

/// <summary>Moves between <see cref="WizardStep"/>s.</summary>
public enum WizardTrigger
{
    /// <summary>Weiter: to the next step.</summary>
    Next = 0,

    /// <summary>Zurück: to the previous step.</summary>
    Back = 1,

    /// <summary>Springen: directly to a step (parameter: the step).</summary>
    GoTo = 2,
}
