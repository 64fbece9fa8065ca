namespace Grundschutz.Domain.Assessments;

/// <summary>The steps of the questionnaire wizard, in order.</summary>
public enum WizardStep
{
    /// <summary>Umfang: target objects and the modules applied to them.</summary>
    Scope = 0,

    /// <summary>Bausteine: module overview with progress; pick a module to answer.</summary>
    Modules = 1,

    /// <summary>Fragen: answer the questions module by module.</summary>
    Questions = 2,

    /// <summary>Zusammenfassung: what is open or invalid.</summary>
    Summary = 3,

    /// <summary>Einreichen: submit for review.</summary>
    Submit = 4,
}
