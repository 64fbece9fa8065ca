using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Assessments;

/// <summary>German display names for the assessment enums (used in messages and as UI defaults).</summary>
public static class AssessmentTexts
{
    /// <summary>Display name of a state, e.g. „In Bearbeitung“.</summary>
    public static string StateName(AssessmentState state) => state switch
    {
        AssessmentState.Draft => "Entwurf",
        AssessmentState.InProgress => "In Bearbeitung",
        AssessmentState.Submitted => "Eingereicht",
        AssessmentState.InReview => "In Prüfung",
        AssessmentState.Returned => "Zurückgegeben",
        AssessmentState.Approved => "Genehmigt",
        AssessmentState.Archived => "Archiviert",
        _ => state.ToString(),
    };

    /// <summary>Display name of a trigger (button label), e.g. „Genehmigen“.</summary>
    public static string TriggerName(AssessmentTrigger trigger) => trigger switch
    {
        AssessmentTrigger.StartAnswering => "Bearbeitung beginnen",
        AssessmentTrigger.Submit => "Einreichen",
        AssessmentTrigger.StartReview => "Prüfung beginnen",
        AssessmentTrigger.Return => "Zurückgeben",
        AssessmentTrigger.Rework => "Überarbeiten",
        AssessmentTrigger.Approve => "Genehmigen",
        AssessmentTrigger.Archive => "Archivieren",
        _ => trigger.ToString(),
    };

    /// <summary>Display name of an approach.</summary>
    public static string ApproachName(Approach approach) => approach switch
    {
        Approach.Basis => "Basis-Absicherung",
        Approach.Kern => "Kern-Absicherung",
        Approach.Standard => "Standard-Absicherung",
        Approach.GsppNormal => "Grundschutz++ (normal-SdT)",
        Approach.GsppErhoeht => "Grundschutz++ (erhöht)",
        _ => approach.ToString(),
    };

    /// <summary>Display name of a status; Grundschutz++ says umgesetzt / nicht umgesetzt.</summary>
    public static string StatusName(AnswerStatus status, CatalogFramework framework = CatalogFramework.ItGrundschutz) => (status, framework) switch
    {
        (AnswerStatus.Open, _) => "offen",
        (AnswerStatus.Ja, CatalogFramework.GrundschutzPlusPlus) => "umgesetzt",
        (AnswerStatus.Nein, CatalogFramework.GrundschutzPlusPlus) => "nicht umgesetzt",
        (AnswerStatus.Ja, _) => "ja",
        (AnswerStatus.Teilweise, _) => "teilweise",
        (AnswerStatus.Nein, _) => "nein",
        (AnswerStatus.Entbehrlich, _) => "entbehrlich",
        _ => status.ToString(),
    };

    /// <summary>Display name of an entbehrlich reason.</summary>
    public static string ReasonName(EntbehrlichReason reason) => reason switch
    {
        EntbehrlichReason.NotRelevant => "nicht relevant",
        EntbehrlichReason.AlternativeMeasure => "durch Alternativmaßnahme abgedeckt",
        _ => reason.ToString(),
    };

    /// <summary>Display name of a wizard step.</summary>
    public static string StepName(WizardStep step) => step switch
    {
        WizardStep.Scope => "Umfang",
        WizardStep.Modules => "Bausteine",
        WizardStep.Questions => "Fragen",
        WizardStep.Summary => "Zusammenfassung",
        WizardStep.Submit => "Einreichen",
        _ => step.ToString(),
    };

    /// <summary>The standard refusal, e.g. „„Genehmigen“ ist im Zustand „In Bearbeitung“ nicht möglich.“</summary>
    public static string NotPossible(AssessmentTrigger trigger, AssessmentState state) =>
        $"„{TriggerName(trigger)}“ ist im Zustand „{StateName(state)}“ nicht möglich.";
}
