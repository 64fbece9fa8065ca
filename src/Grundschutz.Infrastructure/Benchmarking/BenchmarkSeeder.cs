using System.Diagnostics;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Benchmarking;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Benchmarking;
using Grundschutz.Infrastructure.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>
/// Builds a realistic, synthetic data set for demos and benchmarks: for every municipality of the chosen Länder,
/// IT-Grundschutz-Checks (Standard-Absicherung) against the newest imported Kompendium in several rounds, with
/// plausible, size-dependent distributions (see docs/benchmarking.md): larger municipalities have more target objects,
/// apply more process modules and reach a higher Umsetzungsgrad on average; every round improves a little; the last
/// round is partly only submitted. Assessments are built through the domain (scope, answers, Submit/Approve), scored
/// with the real scorer and written with prepared inserts in one transaction per Land, KPI snapshot included.
/// Deterministic: the same seed gives the same values (ids differ). Earlier seeded assessments of the same
/// municipalities are removed first, so the command can be repeated.
/// </summary>
public sealed class BenchmarkSeeder(GrundschutzDbContext db, CatalogContextCache contexts, CatalogFactsCache facts, TimeProvider time)
{
    /// <summary>CreatedByUserId of seeded assessments (no real account).</summary>
    public const string SeedUserId = "synthetisch-isb";

    /// <summary>Actor id of the synthetic approvals.</summary>
    public const string SeedAuditorId = "synthetisch-pruefer";

    private static readonly string[] ProcessLayers = ["ISMS", "ORP", "CON", "OPS", "DER"];

    private static readonly HashSet<string> PriorityModules =
        [.. PriorityTopics.All.SelectMany(t => t.KompendiumModules)];

    /// <summary>Target object kinds in the order they are added, with the modules they get (those the catalogue has).</summary>
    private static readonly (string Name, string Kind, string[] Modules)[] TargetKinds =
    [
        ("Rathaus", "Gebäude", ["INF.1", "INF.7"]),
        ("Arbeitsplatz-PCs", "IT-System", ["SYS.2.1", "SYS.2.2.3", "APP.1.1", "APP.1.2"]),
        ("Server", "IT-System", ["SYS.1.1", "SYS.1.2.3", "SYS.1.5", "APP.2.1"]),
        ("Verwaltungsnetz", "Netz", ["NET.1.1", "NET.1.2", "NET.3.1", "NET.3.2"]),
        ("Fachverfahren", "Anwendung", ["APP.3.1", "APP.3.2", "APP.4.3", "APP.5.3"]),
        ("Serverraum", "Raum", ["INF.2", "INF.5"]),
        ("Mobilgeräte", "IT-System", ["SYS.3.2.1", "SYS.3.2.2", "SYS.4.1"]),
        ("Telefonanlage", "IT-System", ["SYS.4.4", "NET.4.1", "NET.4.2"]),
    ];

    /// <summary>Seeds and returns what was written.</summary>
    /// <exception cref="BenchmarkSeedException">No Kompendium imported, or no municipalities in the chosen Länder.</exception>
    public async Task<BenchmarkSeedResult> SeedAsync(BenchmarkSeedOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.GetTimestamp();
        var version = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Framework == CatalogFramework.ItGrundschutz)
            .OrderByDescending(v => v.Id)
            .Select(v => new { v.Id, v.Title, v.Version })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new BenchmarkSeedException(
                "Es ist kein IT-Grundschutz-Kompendium importiert. Bitte zuerst importieren, z. B.: " +
                "catalog import ../shared/catalogs/kompendium-2023/XML_Kompendium_2023.xml");
        var context = await contexts.GetAsync(db, version.Id, cancellationToken);
        var catalogFacts = await facts.GetAsync(db, version.Id, cancellationToken);

        var lands = options.LandCodes?.ToList();
        var query = db.Municipalities.AsNoTracking();
        if (lands is not null)
        {
            query = query.Where(m => lands.Contains(m.LandCode));
        }

        var municipalities = await query
            .Select(m => new SeedMunicipality(m.Id, m.Ags, m.LandCode, m.Population))
            .ToListAsync(cancellationToken);
        if (municipalities.Count == 0)
        {
            throw new BenchmarkSeedException(
                "In der Datenbank sind keine Kommunen " + (lands is null ? "" : $"des Landes {string.Join(", ", lands)} ") +
                "vorhanden. Bitte zuerst das Gemeindeverzeichnis importieren (municipalities import <GV100AD-Datei>) oder die Datei beim seed angeben.");
        }

        var ids = municipalities.Select(m => m.Id).ToHashSet();
        var seededIds = await db.Assessments.AsNoTracking()
            .Where(a => a.CreatedByUserId == SeedUserId)
            .Select(a => new { a.Id, a.MunicipalityId })
            .ToListAsync(cancellationToken);
        var toDelete = seededIds.Where(a => ids.Contains(a.MunicipalityId)).Select(a => a.Id).ToList();
        foreach (var chunk in toDelete.Chunk(500))
        {
            await db.Assessments.Where(a => chunk.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        var modules = context.GroupOrder.ToHashSet(StringComparer.Ordinal);
        var processModules = context.GroupOrder.Where(g => ProcessLayers.Contains(Layer(g))).ToList();
        var assessments = 0;
        long answers = 0;
        long pairs = 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            foreach (var land in municipalities.GroupBy(m => m.LandCode).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                using var batch = new BulkBatch(connection, transaction);
                using var assessmentTable = new BulkTable<Assessment>(db, connection, transaction, batch);
                using var targetTable = new BulkTable<TargetObject>(db, connection, transaction, batch);
                using var moduleTable = new BulkTable<ModuleApplication>(db, connection, transaction, batch);
                using var transitionTable = new BulkTable<AssessmentTransition>(db, connection, transaction, batch);
                using var answerTable = new BulkTable<Answer>(db, connection, transaction, batch);
                using var snapshotTable = new BulkTable<AssessmentKpiSnapshot>(db, connection, transaction, batch);
                foreach (var municipality in land.OrderBy(m => m.Ags, StringComparer.Ordinal))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var random = new Random(unchecked(options.Seed + (int.Parse(municipality.Ags, System.Globalization.CultureInfo.InvariantCulture) * 31)));
                    var size = SizeClasses.Of(municipality.Population ?? 1_000);
                    var quality = Math.Clamp(BaseQuality(size) + (Normal(random) * 0.1), 0.2, 0.97);
                    for (var round = 0; round < options.Years.Count; round++)
                    {
                        var last = round == options.Years.Count - 1;
                        if (random.NextDouble() > Participation(round, options.Years.Count))
                        {
                            continue;
                        }

                        var approve = !last || random.NextDouble() < 0.7;
                        var assessment = Build(municipality, size, quality + (0.05 * round), options.Years[round], approve, version.Id, context, modules, processModules, random);
                        var stamp = Guid.NewGuid();
                        var scoredOn = KpiSnapshotService.ReferenceDate(assessment);
                        var report = AssessmentScorer.Score(ScoringInputBuilder.From(assessment, context, catalogFacts.Facts, scoredOn));
                        var snapshot = KpiSnapshotService.Build(assessment, stamp, BenchmarkKpis.From(report), scoredOn, time.GetUtcNow());

                        assessmentTable.Insert(assessment, new Dictionary<string, object?> { [GrundschutzDbContext.ConcurrencyStamp] = stamp });
                        var parent = new Dictionary<string, object?> { ["AssessmentId"] = assessment.Id };
                        foreach (var target in assessment.TargetObjects)
                        {
                            targetTable.Insert(target, parent);
                        }

                        foreach (var application in assessment.ModuleApplications)
                        {
                            moduleTable.Insert(application, parent);
                        }

                        foreach (var transition in assessment.Transitions)
                        {
                            transitionTable.Insert(transition, parent);
                        }

                        if (!options.KpisOnly)
                        {
                            foreach (var answer in assessment.Answers)
                            {
                                answerTable.Insert(answer, parent);
                            }

                            answers += assessment.Answers.Count;
                        }

                        pairs += assessment.Answers.Count;
                        snapshotTable.Insert(snapshot);
                        assessments++;
                    }
                }

                batch.Flush();
                await transaction.CommitAsync(cancellationToken);
                progress?.Report($"Land {land.Key}: {land.Count()} Kommunen geschrieben.");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new BenchmarkSeedResult(municipalities.Count, assessments, answers, pairs, $"{version.Title} ({version.Version})", Stopwatch.GetElapsedTime(started));
    }

    private static Assessment Build(
        SeedMunicipality municipality, SizeClass size, double quality, int year, bool approve, int versionId,
        CatalogContext context, HashSet<string> modules, List<string> processModules, Random random)
    {
        var isb = new Actor(SeedUserId, new HashSet<string>(StringComparer.Ordinal) { AssessmentRoles.Isb });
        var auditor = new Actor(SeedAuditorId, new HashSet<string>(StringComparer.Ordinal) { AssessmentRoles.Auditor });
        var created = new DateTimeOffset(year, random.Next(2, 8), random.Next(1, 29), 9, 0, 0, TimeSpan.Zero);
        var submitted = created.AddDays(random.Next(30, 90));
        var approved = submitted.AddDays(random.Next(7, 35));
        var today = DateOnly.FromDateTime(submitted.UtcDateTime);

        var assessment = Assessment.Create(municipality.Id, versionId, CatalogFramework.ItGrundschutz, Approach.Standard,
            $"IT-Grundschutz-Check {year} (synthetisch)", SeedUserId, created);
        var verbund = assessment.AddTargetObject("Informationsverbund", "Informationsverbund");
        var applyShare = size switch
        {
            SizeClass.Under5000 => 0.45,
            SizeClass.From5000To20000 => 0.6,
            SizeClass.From20000To100000 => 0.75,
            _ => 0.9,
        };
        foreach (var module in processModules)
        {
            if (PriorityModules.Contains(module) || random.NextDouble() < applyShare)
            {
                assessment.ApplyModule(module, verbund.Id);
            }
        }

        var (min, max) = size switch
        {
            SizeClass.Under5000 => (2, 4),
            SizeClass.From5000To20000 => (4, 7),
            SizeClass.From20000To100000 => (6, 11),
            _ => (10, 18),
        };
        var count = random.Next(min, max + 1);
        for (var i = 0; i < count; i++)
        {
            var (name, kind, kindModules) = TargetKinds[i % TargetKinds.Length];
            var number = (i / TargetKinds.Length) + 1;
            var target = assessment.AddTargetObject(number == 1 ? name : $"{name} {number}", kind);
            foreach (var module in kindModules.Where(modules.Contains))
            {
                assessment.ApplyModule(module, target.Id);
            }
        }

        assessment.Fire(AssessmentTrigger.StartAnswering, isb, null, created, context);
        foreach (var question in assessment.ApplicableQuestions(context))
        {
            var requirement = context.Find(question.RequirementId)!;
            var p = quality - (requirement.Level == RequirementLevel.Standard ? 0.1 : 0);
            var roll = random.NextDouble();
            var status = roll < p
                ? AnswerStatus.Ja
                : random.NextDouble() switch { < 0.1 => AnswerStatus.Entbehrlich, < 0.55 => AnswerStatus.Teilweise, _ => AnswerStatus.Nein };
            var assessedOn = today.AddDays(-random.Next(0, 540));
            var input = status switch
            {
                AnswerStatus.Ja => new AnswerInput(question.RequirementId, question.TargetObjectId, status,
                    ImplementationDescription: "Umgesetzt (synthetische Daten).", AssessedOn: assessedOn),
                AnswerStatus.Entbehrlich => new AnswerInput(question.RequirementId, question.TargetObjectId, status,
                    EntbehrlichReason: EntbehrlichReason.NotRelevant, Justification: "Nicht relevant (synthetische Daten).", AssessedOn: assessedOn),
                _ => new AnswerInput(question.RequirementId, question.TargetObjectId, status,
                    Justification: "Noch nicht vollständig umgesetzt (synthetische Daten).", Owner: "IT-Leitung",
                    DueDate: today.AddDays(random.Next(-120, 365)), CostEstimate: random.Next(0, 4) == 0 ? null : random.Next(1, 50) * 500m, AssessedOn: assessedOn),
            };
            assessment.RecordAnswer(input, 0, isb, created, requirement, today);
        }

        assessment.Fire(AssessmentTrigger.Submit, isb, null, submitted, context);
        if (approve)
        {
            assessment.Fire(AssessmentTrigger.StartReview, auditor, null, approved, context);
            assessment.Fire(AssessmentTrigger.Approve, auditor, null, approved, context);
        }

        return assessment;
    }

    /// <summary>Mean share of fulfilled Basis requirements by size class (larger → better staffed → higher).</summary>
    private static double BaseQuality(SizeClass size) => size switch
    {
        SizeClass.Under5000 => 0.5,
        SizeClass.From5000To20000 => 0.6,
        SizeClass.From20000To100000 => 0.7,
        _ => 0.8,
    };

    /// <summary>Share of municipalities taking part in a round: growing from 60 % in the first to 95 % in the last.</summary>
    private static double Participation(int round, int rounds) =>
        rounds <= 1 ? 0.95 : 0.6 + (0.35 * round / (rounds - 1));

    private static double Normal(Random random)
    {
        // Box-Muller.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static string Layer(string groupId)
    {
        var dot = groupId.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? groupId : groupId[..dot];
    }

    private sealed record SeedMunicipality(int Id, string Ags, string LandCode, int? Population);
}
