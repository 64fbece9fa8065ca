using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;

namespace Grundschutz.Infrastructure.Export;

/// <summary>One row of the A.4 IT-Grundschutz-Check: one applicable requirement on one target object.</summary>
/// <param name="TargetObject">Zielobjekt.</param>
/// <param name="Module">Baustein/Praktik with title, e.g. „SYS.2.1 Allgemeiner Client“.</param>
/// <param name="RequirementId">Anforderung, e.g. SYS.2.1.A3.</param>
/// <param name="Title">Titel der Anforderung.</param>
/// <param name="Level">Stufe: B/S/H or the Grundschutz++ sec_level.</param>
/// <param name="ModalVerb">MUSS, SOLLTE or KANN.</param>
/// <param name="Status">Umsetzungsstatus in German.</param>
/// <param name="Justification">Begründung.</param>
/// <param name="ImplementationDescription">Umsetzung (Beschreibung).</param>
/// <param name="AssessedOn">Datum der Erhebung.</param>
/// <param name="Interviewees">Befragte Personen.</param>
public sealed record GrundschutzCheckRow(
    string TargetObject,
    string Module,
    string RequirementId,
    string? Title,
    string? Level,
    string? ModalVerb,
    string Status,
    string? Justification,
    string? ImplementationDescription,
    DateOnly? AssessedOn,
    string? Interviewees)
{
    /// <summary>The row of a scored pair.</summary>
    /// <param name="pair">The pair (catalogue facts and answer).</param>
    /// <param name="framework">The catalogue's framework (status words, level column).</param>
    /// <param name="moduleTitle">Title of the pair's module/topic, if known.</param>
    /// <param name="interviewees">Befragte Personen of the answer, if any.</param>
    public static GrundschutzCheckRow From(ScoredPair pair, CatalogFramework framework, string? moduleTitle, string? interviewees)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return new GrundschutzCheckRow(
            pair.TargetObjectName,
            ExportTexts.IdAndTitle(pair.GroupId, moduleTitle),
            pair.RequirementId,
            pair.Title,
            ExportTexts.Level(pair.Level, pair.SecLevel, framework),
            pair.ModalVerb,
            ExportTexts.Status(pair.Status, framework),
            pair.Justification,
            pair.ImplementationDescription,
            pair.AssessedOn,
            interviewees);
    }
}
