using BenchmarkDotNet.Attributes;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;

namespace Grundschutz.Benchmarks;

/// <summary>
/// Target: scoring a full Kompendium assessment — 1,835 requirements × 40 target objects = 73,400 pairs —
/// takes ≤ 10 ms (Umsetzungsgrad per slice and scope, coverage, freshness, both gates with blockers,
/// Reifegrad, ranked action plan). Synthetic data with a fixed seed, in questionnaire order (module,
/// requirement, target object), level mix as in the Kompendium 2023 (B 563 / S 867 / H 404 + 1).
/// Also: a Grundschutz++ assessment with dependency links (1,000 controls × 40) and the comparison of two cycles.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class ScoringBenchmarks
{
    private const int Targets = 40;
    private static readonly DateOnly Today = new(2026, 3, 2);

    private ScoringInput _kompendium = null!;
    private ScoringInput _gspp = null!;
    private ScoreReport _previous = null!;
    private ScoreReport _current = null!;
    private List<ScoredPair> _kompendiumPairs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _kompendiumPairs = Kompendium(new Random(20260302));
        _kompendium = new ScoringInput(CatalogFramework.ItGrundschutz, Approach.Standard, _kompendiumPairs, Today);
        _gspp = new ScoringInput(CatalogFramework.GrundschutzPlusPlus, Approach.GsppErhoeht, Gspp(new Random(20260303)), Today);
        _previous = AssessmentScorer.Score(new ScoringInput(CatalogFramework.ItGrundschutz, Approach.Standard, Kompendium(new Random(20250302)), Today.AddYears(-1)));
        _current = AssessmentScorer.Score(_kompendium);
        if (_kompendium.Pairs.Count != 73_400)
        {
            throw new InvalidOperationException($"Expected 73,400 pairs, got {_kompendium.Pairs.Count}.");
        }
    }

    [Benchmark(Baseline = true)]
    public int Score_Kompendium_73400Pairs() => AssessmentScorer.Score(_kompendium).ActionPlan.Items.Count;

    [Benchmark]
    public int BuildInputAndScore_Kompendium_73400Pairs() =>
        AssessmentScorer.Score(new ScoringInput(CatalogFramework.ItGrundschutz, Approach.Standard, _kompendiumPairs, Today)).ActionPlan.Items.Count;

    [Benchmark]
    public int Score_GrundschutzPlusPlus_40000PairsWithDependencies() => AssessmentScorer.Score(_gspp).Overall.All.Ja;

    [Benchmark]
    public int Compare_Kompendium_TwoCycles() => ScoreComparison.Compare(_previous, _current).Pairs.Count;

    private static List<ScoredPair> Kompendium(Random random)
    {
        string[] layers = ["ISMS", "ORP", "CON", "OPS", "DER", "APP", "SYS", "IND", "NET", "INF"];
        var targets = TargetObjects();
        var pairs = new List<ScoredPair>(73_400);
        var requirement = 0;
        for (var module = 0; requirement < 1835; module++)
        {
            var layer = layers[module % layers.Length];
            var groupId = $"{layer}.{(module / layers.Length) + 1}.{(module % 3) + 1}";
            var order = $"R{(module % 3) + 1}";
            for (var a = 1; a <= 17 && requirement < 1835; a++, requirement++)
            {
                var id = $"{groupId}.A{a}";
                var level = (requirement % 1835) switch
                {
                    < 564 => RequirementLevel.Basis,
                    < 1431 => RequirementLevel.Standard,
                    _ => RequirementLevel.Hoch,
                };
                var modal = level == RequirementLevel.Basis ? "MUSS" : "SOLLTE";
                var title = $"Anforderung {id}";
                foreach (var (targetId, targetName) in targets)
                {
                    pairs.Add(Answer(random, new ScoredPair
                    {
                        RequirementId = id,
                        GroupId = groupId,
                        TopGroupId = layer,
                        Level = level,
                        ModalVerb = modal,
                        ProcessingOrder = order,
                        Title = title,
                        TargetObjectId = targetId,
                        TargetObjectName = targetName,
                    }));
                }
            }
        }

        return pairs;
    }

    private static List<ScoredPair> Gspp(Random random)
    {
        string[] practices = ["GC", "STM", "UMS", "VRB", "PERF", "ASST", "BER", "KONF", "DET", "NOT"];
        var targets = TargetObjects();
        var ids = new List<string>();
        var pairs = new List<ScoredPair>(40_000);
        for (var c = 0; c < 1000; c++)
        {
            var practice = practices[c % practices.Length];
            var topic = $"{practice}.{(c / 50) + 1}";
            var id = $"{topic}.{c + 1}";
            var erhoeht = random.NextDouble() < 0.25;
            var modal = erhoeht ? "KANN" : c % 10 == 0 ? "MUSS" : "SOLLTE";
            var dependencies = ids.Count == 0 ? [] : Enumerable.Range(0, random.Next(0, 3)).Select(_ => ids[random.Next(ids.Count)]).Distinct().ToArray();
            ids.Add(id);
            var effort = random.Next(0, 6);
            foreach (var (targetId, targetName) in targets)
            {
                var pair = Answer(random, new ScoredPair
                {
                    RequirementId = id,
                    GroupId = topic,
                    TopGroupId = practice,
                    SecLevel = erhoeht ? "erhöht" : "normal-SdT",
                    ModalVerb = modal,
                    EffortLevel = effort,
                    TargetObjectId = targetId,
                    TargetObjectName = targetName,
                    RequiredDependencies = dependencies,
                });
                pairs.Add(pair.Status == AnswerStatus.Teilweise ? pair with { Status = AnswerStatus.Nein } : pair);
            }
        }

        return pairs;
    }

    private static List<(Guid Id, string Name)> TargetObjects() =>
        [.. Enumerable.Range(1, Targets).Select(t => (new Guid(t, 0, 0, new byte[8]), $"Zielobjekt {t:00}"))];

    /// <summary>ja 55 %, teilweise 10 %, nein 15 %, entbehrlich 8 %, open 12 %; some stale, some overdue, some without owner.</summary>
    private static ScoredPair Answer(Random random, ScoredPair pair)
    {
        var roll = random.Next(100);
        var status = roll switch
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

        var assessedOn = Today.AddDays(-random.Next(0, 450));
        return pair with
        {
            Status = status,
            AssessedOn = assessedOn,
            Justification = status is AnswerStatus.Entbehrlich or AnswerStatus.Nein && random.Next(10) > 0 ? "Begründung" : null,
            ImplementationDescription = "Beschreibung",
            Owner = status is AnswerStatus.Teilweise or AnswerStatus.Nein && random.Next(10) > 0 ? "IT-Leitung" : null,
            DueDate = status is AnswerStatus.Teilweise or AnswerStatus.Nein ? Today.AddDays(random.Next(-60, 365)) : null,
            CostEstimate = status is AnswerStatus.Teilweise or AnswerStatus.Nein ? random.Next(0, 5000) : null,
        };
    }
}
