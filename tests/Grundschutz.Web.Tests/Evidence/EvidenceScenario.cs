using System.Text;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Evidence;
using Grundschutz.Infrastructure.Files;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Evidence;

/// <summary>
/// An approved assessment on the demo catalogue with one evidence file, one excluded module, one target object without
/// modules and an A.0.1 Leitlinie (v1 replaced by v2 before approval, v3 uploaded after it).
/// </summary>
internal sealed record EvidenceScenario(AssessmentSeed Seed, AssessmentSeed.SeededAssessment Assessment, ApplicationUser Isb, string Ags)
{
    public const string Server = "Server Rathaus";
    public const string Clients = "Clients Bürgeramt";
    public const string Printer = "Drucker ../../etc";
    public const string EvidenceName = "Sicherungsprotokoll.txt";
    public static readonly byte[] EvidenceBytes = Encoding.UTF8.GetBytes("Sicherung vom 20.11.2026: erfolgreich\n");
    public static readonly byte[] PolicyBytes = Encoding.UTF8.GetBytes("%PDF-1.4\nLeitlinie Version 2\n");

    public Guid Id => Assessment.Id;

    public static async Task<EvidenceScenario> CreateAsync(GrundschutzWebFactory factory, string ags, string name, AssessmentState state = AssessmentState.Approved)
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync(ags, name);
        var stored = await StoreAsync(factory, EvidenceName, EvidenceBytes);
        var now = factory.Time.GetUtcNow();
        await AddPolicyAsync(factory, municipality.Id, isb.Id, "1.0", now.AddDays(-30), supersededAt: now.AddDays(-1));
        await AddPolicyAsync(factory, municipality.Id, isb.Id, "2.0", now.AddDays(-1), supersededAt: null);
        var assessment = await seed.Assessment(municipality, isb)
            .Titled("Grundschutz-Check 2026")
            .WithTarget(Server, "TEC.1", "TEC.2")
            .WithTarget(Clients, "TEC.1")
            .WithTarget(Printer)
            .Excluding("ORG.1", "Keine eigene Organisation: Aufgaben beim Kreis | =CMD")
            .Answer("TEC.1.2", Clients, AnswerStatus.Nein, adjust: a => a with { DueDate = new DateOnly(2027, 3, 1), CostEstimate = 250m })
            .WithEvidence("TEC.1.1", Server, "../../" + EvidenceName, stored.StorageKey, stored.SizeBytes)
            .AnswerRest()
            .InState(state)
            .BuildAsync();
        return new EvidenceScenario(seed, assessment, isb, ags);
    }

    public static async Task<StoredEvidence> StoreAsync(GrundschutzWebFactory factory, string name, byte[] bytes)
    {
        var store = factory.Services.GetRequiredService<EvidenceStore>();
        return await store.SaveAsync(name, bytes.Length, () => new MemoryStream(bytes), CancellationToken.None);
    }

    public static async Task AddPolicyAsync(GrundschutzWebFactory factory, int municipalityId, string userId, string version, DateTimeOffset uploadedAt, DateTimeOffset? supersededAt)
    {
        var stored = await StoreAsync(factory, "Leitlinie.pdf", PolicyBytes.Concat(Encoding.UTF8.GetBytes(version)).ToArray());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var policy = PolicyDocument.Create(
            municipalityId,
            new PolicyMetadata("A.0.1", "Leitlinie zur Informationssicherheit", "Erika Muster", version, new DateOnly(2026, 3, 1), "Bürgermeisterin", new DateOnly(2027, 3, 1), $"Änderungen in {version}"),
            "Leitlinie.pdf",
            "application/pdf",
            stored.SizeBytes,
            stored.StorageKey,
            userId,
            uploadedAt);
        if (supersededAt is { } superseded)
        {
            policy.Supersede(superseded);
        }

        db.PolicyDocuments.Add(policy);
        await db.SaveChangesAsync();
    }

    public Task<HttpClient> SignInAsync() => Seed.SignInAsync(Isb);

    public static string Page(Guid id) => $"/Assessments/{id}/Exports";

    public static string Package(Guid id) => $"/Assessments/{id}/Exports?handler=EvidencePackage";
}
