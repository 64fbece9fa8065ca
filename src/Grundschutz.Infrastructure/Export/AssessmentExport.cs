using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Export.Excel;
using Grundschutz.Infrastructure.Scoring;

namespace Grundschutz.Infrastructure.Export;

/// <summary>
/// One scored assessment, ready to be written as A.4 or A.6 (see <see cref="AssessmentExportLoader"/>).
/// </summary>
public sealed class AssessmentExport
{
    private readonly IReadOnlyDictionary<(string RequirementId, Guid TargetObjectId), string> _interviewees;
    private readonly IReadOnlyDictionary<Guid, int> _targetOrder;

    /// <param name="header">Facts about the assessment.</param>
    /// <param name="report">Its numbers as of <see cref="ExportHeader.ReferenceDate"/>.</param>
    /// <param name="catalog">Titles of the pinned catalogue's groups.</param>
    /// <param name="interviewees">Befragte Personen by requirement and target object (answers that have them).</param>
    /// <param name="targetOrder">Position of each target object in the export.</param>
    public AssessmentExport(
        ExportHeader header,
        ScoreReport report,
        CatalogFacts catalog,
        IReadOnlyDictionary<(string RequirementId, Guid TargetObjectId), string> interviewees,
        IReadOnlyDictionary<Guid, int> targetOrder)
    {
        Header = header;
        Report = report;
        Catalog = catalog;
        _interviewees = interviewees;
        _targetOrder = targetOrder;
    }

    public ExportHeader Header { get; }

    public ScoreReport Report { get; }

    public CatalogFacts Catalog { get; }

    /// <summary>„A4-Grundschutz-Check-05315000-2026-11-23.xlsx“.</summary>
    public string GrundschutzCheckFileName => $"A4-Grundschutz-Check-{Header.Ags}-{Header.FileDate}.xlsx";

    /// <summary>„A6-Realisierungsplan-05315000-2026-11-23.xlsx“.</summary>
    public string RealisierungsplanFileName => $"A6-Realisierungsplan-{Header.Ags}-{Header.FileDate}.xlsx";

    /// <summary>
    /// The A.4 rows: every scored pair, per target object (in the order given, see <see cref="AssessmentExportLoader"/>),
    /// then module and requirement in catalogue order (DOMAIN.md §3.2: Zielobjekt → Baustein → Anforderung).
    /// </summary>
    public IReadOnlyList<GrundschutzCheckRow> GrundschutzCheckRows()
    {
        var pairs = Report.Input.Pairs;
        var order = new int[pairs.Count];
        var keys = new long[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            order[i] = i;
            // The pairs come in questionnaire order (module, requirement, target); a stable sort by target suffices.
            keys[i] = ((long)_targetOrder.GetValueOrDefault(pairs[i].TargetObjectId, int.MaxValue) << 32) | (uint)i;
        }

        Array.Sort(keys, order);
        var framework = Report.Framework;
        var rows = new GrundschutzCheckRow[pairs.Count];
        for (var k = 0; k < order.Length; k++)
        {
            var pair = pairs[order[k]];
            rows[k] = GrundschutzCheckRow.From(
                pair,
                framework,
                Catalog.GroupTitle(pair.GroupId),
                _interviewees.GetValueOrDefault((pair.RequirementId, pair.TargetObjectId)));
        }

        return rows;
    }

    /// <summary>Writes the A.4 workbook.</summary>
    public void WriteGrundschutzCheck(Stream output) => GrundschutzCheckWorkbook.Write(output, Header, GrundschutzCheckRows());

    /// <summary>Writes the A.6 workbook.</summary>
    public void WriteRealisierungsplan(Stream output) => RealisierungsplanWorkbook.Write(output, Header, Report.ActionPlan, Catalog.GroupTitle);
}
