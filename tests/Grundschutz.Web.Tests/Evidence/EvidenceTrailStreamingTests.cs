using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Evidence;

/// <summary>
/// The answer trail is streamed from the database (the package loader no longer loads the history): same lines, same
/// order as when it was written from the fully loaded aggregate; a row changed in the database still refuses the package.
/// </summary>
public sealed class EvidenceTrailStreamingTests(EvidenceWebFactory factory) : IClassFixture<EvidenceWebFactory>
{
    private static readonly JsonSerializerOptions JsonLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Trail_Streamed_SameLinesInTheSameOrderAsFromTheFullyLoadedAggregate()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "08111000", "Stuttgart");
        var client = await scenario.SignInAsync();
        var zip = await client.GetByteArrayAsync(EvidenceScenario.Package(scenario.Id));
        var files = PackageZip.Read(zip);

        // The old way: the whole aggregate with every answer's history, answers by requirement (ordinal) and target
        // object, entries by sequence, each line serialised as the writer did.
        var assessment = await scenario.Seed.LoadAsync(scenario.Id);
        Assert.True(assessment.Answers.Count(a => a.History.Count >= 2) >= 3, "several answers with several history entries each");
        var names = await UserNamesAsync(assessment.Answers.SelectMany(a => a.History).Select(h => h.UserId).Distinct().ToList());
        var targets = assessment.TargetObjects.ToDictionary(t => t.Id, t => t.Name);
        var expected = assessment.Answers
            .OrderBy(a => a.RequirementId, StringComparer.Ordinal).ThenBy(a => a.TargetObjectId)
            .SelectMany(answer => answer.History.OrderBy(c => c.Sequence).Select(change => JsonSerializer.Serialize(
                new TrailLine(
                    assessment.Id,
                    answer.Id,
                    answer.RequirementId,
                    answer.TargetObjectId,
                    targets.GetValueOrDefault(answer.TargetObjectId, ""),
                    change.Sequence,
                    change.Id,
                    change.Field,
                    change.OldValue,
                    change.NewValue,
                    change.UserId,
                    names.GetValueOrDefault(change.UserId, change.UserId),
                    AnswerChain.FormatTime(change.At),
                    change.PreviousHash,
                    change.Hash ?? ""),
                JsonLine)))
            .ToList();

        var trail = Encoding.UTF8.GetString(files[PackagePaths.AnswerTrail]);
        Assert.EndsWith("\n", trail, StringComparison.Ordinal);
        var actual = trail[..^1].Split('\n');
        Assert.Equal(assessment.Answers.Sum(a => a.History.Count), actual.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i] == actual[i], $"line {i + 1}:\nexpected {expected[i]}\nactual   {actual[i]}");
        }

        Assert.Equal(expected, actual);
        Assert.Equal(Encoding.UTF8.GetBytes(string.Concat(expected.Select(l => l + "\n"))), files[PackagePaths.AnswerTrail]);

        using var manifest = JsonDocument.Parse(files[PackagePaths.Manifest]);
        var chain = manifest.RootElement.GetProperty("answerChain");
        Assert.Equal(expected.Count, chain.GetProperty("entries").GetInt32());
        Assert.Equal(assessment.Answers.Count, chain.GetProperty("answers").GetInt32());

        var verified = await factory.Services.GetRequiredService<EvidencePackageVerifier>().VerifyAsync(new MemoryStream(zip), CancellationToken.None);
        Assert.True(verified.IsIntact, string.Join(Environment.NewLine, verified.Problems));
        Assert.Equal(expected.Count, verified.TrailEntries);
    }

    [Fact]
    public async Task Package_HistoryRowsChangedWithRawSql_RefusedNamingTheFirstBreakInTrailOrder()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "08115000", "Böblingen");
        var assessment = await scenario.Seed.LoadAsync(scenario.Id);
        var ordered = assessment.Answers.Where(a => a.History.Count >= 2)
            .OrderBy(a => a.RequirementId, StringComparer.Ordinal).ThenBy(a => a.TargetObjectId).ToList();
        Assert.True(ordered.Count >= 3);
        // Two rows in two answers, the later one in trail order changed first: the message names the earlier one.
        // The earlier one is not the first answer, so trail lines were already written when the break is found.
        var first = ordered[1].History.Single(h => h.Sequence == 2);
        var second = ordered[^1].History.Single(h => h.Sequence == 1);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
            // Plain UPDATEs, as an administrator with database access could run them.
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE \"AnswerChanges\" SET \"UserId\" = {"eindringling"} WHERE \"Hash\" = {second.Hash}"));
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE \"AnswerChanges\" SET \"NewValue\" = {"geändert"} WHERE \"Hash\" = {first.Hash}"));

            var breaks = await AnswerChainVerifier.VerifyAsync(db, scenario.Id, CancellationToken.None);
            Assert.Equal([first.Id, second.Id], breaks.Select(b => b.ChangeId));
        }

        var message = "Der Antwortverlauf in der Datenbank ist nicht mehr unverändert, deshalb wird kein Paket erstellt: "
            + $"Antwortverlauf {ordered[1].RequirementId} (Zielobjekt {ordered[1].TargetObjectId}), Eintrag 2 (Id {first.Id}): "
            + "Der Inhalt des Eintrags passt nicht zu seinem Hash: Er wurde nachträglich verändert.";

        // Written directly: the writer throws while writing the trail.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
            var data = await EvidencePackageLoader.LoadAsync(
                db,
                scope.ServiceProvider.GetRequiredService<Grundschutz.Infrastructure.Assessments.CatalogContextCache>(),
                scope.ServiceProvider.GetRequiredService<Grundschutz.Infrastructure.Scoring.CatalogFactsCache>(),
                db.Assessments,
                scenario.Id,
                factory.Time.GetUtcNow(),
                CancellationToken.None);
            var thrown = await Assert.ThrowsAsync<EvidencePackageException>(
                () => scope.ServiceProvider.GetRequiredService<EvidencePackageWriter>().WriteAsync(data!, new MemoryStream(), CancellationToken.None));
            Assert.Equal(message, thrown.Message);
        }

        // The download: no ZIP, the page names the entry.
        var client = await scenario.SignInAsync();
        var response = await client.GetAsync(EvidenceScenario.Package(scenario.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.FollowRedirectAsync(client, response);
        Assert.Equal(message, page.QuerySelector("#evidence-package-reason")!.TextContent.Trim());
    }

    private async Task<Dictionary<string, string>> UserNamesAsync(List<string> ids)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id);
    }
}
