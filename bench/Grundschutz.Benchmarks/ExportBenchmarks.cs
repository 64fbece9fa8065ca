using BenchmarkDotNet.Attributes;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Export;
using Grundschutz.Infrastructure.Export.Excel;
using Grundschutz.Infrastructure.Scoring;

namespace Grundschutz.Benchmarks;

/// <summary>
/// Target: the A.4 workbook of a full Kompendium assessment — 1,835 requirements × 40 target objects = 73,400 rows
/// × 11 columns — is written in ≤ 2 s. Synthetic data with a fixed seed (status mix as in <see cref="ScoringBenchmarks"/>,
/// texts of realistic length, every seventh justification starting with „=“). Also: the same from the scored report
/// (row mapping and ordering included) and the A.6 workbook of its action plan (~18,000 items).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class ExportBenchmarks : IDisposable
{
    private const int Targets = 40;
    private const int Requirements = 1835;
    private static readonly DateOnly Today = new(2026, 3, 2);

    private readonly MemoryStream _output = new();
    private ExportHeader _header = null!;
    private IReadOnlyList<GrundschutzCheckRow> _rows = null!;
    private AssessmentExport _export = null!;

    [GlobalSetup]
    public void Setup()
    {
        _header = new ExportHeader(
            "Musterstadt", "09162000", "IT-Grundschutz-Check 2026", AssessmentState.InProgress, "IT-Grundschutz-Kompendium", "Edition 2023",
            CatalogFramework.ItGrundschutz, Approach.Standard, Today, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), null);
        var (pairs, titles, targetOrder) = Kompendium(new Random(20260302));
        var report = AssessmentScorer.Score(new ScoringInput(CatalogFramework.ItGrundschutz, Approach.Standard, pairs, Today));
        var interviewees = pairs.Where(p => p.Status != AnswerStatus.Open).ToDictionary(p => (p.RequirementId, p.TargetObjectId), _ => "Frau Beispiel (IT-Leitung), Herr Muster (ISB)");
        _export = new AssessmentExport(_header, report, new CatalogFacts(new Dictionary<string, RequirementFacts>(), titles), interviewees, targetOrder);
        _rows = _export.GrundschutzCheckRows();
        if (_rows.Count != 73_400)
        {
            throw new InvalidOperationException($"Expected 73,400 rows, got {_rows.Count}.");
        }
    }

    [Benchmark(Baseline = true)]
    public long GrundschutzCheck_73400Rows()
    {
        _output.SetLength(0);
        GrundschutzCheckWorkbook.Write(_output, _header, _rows);
        return _output.Length;
    }

    [Benchmark]
    public long GrundschutzCheck_FromReport_73400Pairs()
    {
        _output.SetLength(0);
        _export.WriteGrundschutzCheck(_output);
        return _output.Length;
    }

    [Benchmark]
    public long Realisierungsplan_FromReport()
    {
        _output.SetLength(0);
        _export.WriteRealisierungsplan(_output);
        return _output.Length;
    }

    public void Dispose()
    {
        _output.Dispose();
        GC.SuppressFinalize(this);
    }

    private static (List<ScoredPair> Pairs, Dictionary<string, string> Titles, Dictionary<Guid, int> TargetOrder) Kompendium(Random random)
    {
        string[] layers = ["ISMS", "ORP", "CON", "OPS", "DER", "APP", "SYS", "IND", "NET", "INF"];
        var targets = Enumerable.Range(1, Targets).Select(t => (Id: new Guid(t, 0, 0, new byte[8]), Name: $"Zielobjekt {t:00} (IT-System)")).ToList();
        var pairs = new List<ScoredPair>(Requirements * Targets);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var requirement = 0;
        for (var module = 0; requirement < Requirements; module++)
        {
            var layer = layers[module % layers.Length];
            var groupId = $"{layer}.{(module / layers.Length) + 1}.{(module % 3) + 1}";
            titles[groupId] = $"Baustein {groupId} mit einem typischen Titel";
            for (var a = 1; a <= 17 && requirement < Requirements; a++, requirement++)
            {
                var id = $"{groupId}.A{a}";
                var level = requirement switch
                {
                    < 564 => RequirementLevel.Basis,
                    < 1431 => RequirementLevel.Standard,
                    _ => RequirementLevel.Hoch,
                };
                var title = $"Anforderung {id}: Regelung und Umsetzung einer typischen Maßnahme";
                foreach (var (targetId, targetName) in targets)
                {
                    pairs.Add(Answer(random, new ScoredPair
                    {
                        RequirementId = id,
                        GroupId = groupId,
                        TopGroupId = layer,
                        Level = level,
                        ModalVerb = level == RequirementLevel.Basis ? "MUSS" : "SOLLTE",
                        ProcessingOrder = $"R{(module % 3) + 1}",
                        Title = title,
                        TargetObjectId = targetId,
                        TargetObjectName = targetName,
                    }));
                }
            }
        }

        return (pairs, titles, targets.Select((t, i) => (t.Id, i)).ToDictionary(t => t.Id, t => t.i));
    }

    /// <summary>ja 55 %, teilweise 10 %, nein 15 %, entbehrlich 8 %, open 12 %.</summary>
    private static ScoredPair Answer(Random random, ScoredPair pair)
    {
        var status = random.Next(100) switch
        {
            < 55 => AnswerStatus.Ja,
            < 65 => AnswerStatus.Teilweise,
            < 80 => AnswerStatus.Nein,
            < 88 => AnswerStatus.Entbehrlich,
            _ => AnswerStatus.Open,
        };
        if (status == AnswerStatus.Open)
        {
            return pair;
        }

        var open = status is AnswerStatus.Teilweise or AnswerStatus.Nein;
        return pair with
        {
            Status = status,
            AssessedOn = Today.AddDays(-random.Next(0, 450)),
            Justification = status is AnswerStatus.Entbehrlich or AnswerStatus.Nein
                ? random.Next(7) == 0 ? "=Begründung, die wie eine Formel beginnt" : "Die Anforderung ist im Informationsverbund nicht relevant, weil der Dienst nicht betrieben wird."
                : null,
            ImplementationDescription = "Umgesetzt durch die Dienstanweisung IT-Sicherheit, Abschnitt 4; Nachweis im Ticketsystem.",
            Owner = open ? "IT-Leitung" : null,
            DueDate = open ? Today.AddDays(random.Next(-60, 365)) : null,
            CostEstimate = open ? random.Next(0, 5000) : null,
        };
    }
}
