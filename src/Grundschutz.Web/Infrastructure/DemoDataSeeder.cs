using System.Security.Cryptography;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Seeds clearly marked demo data when <c>Startup:DemoData</c> is on (default in Development): two demo
/// municipalities, one demo user per role (<see cref="ApplicationUser.IsDemo"/>, password from
/// <c>Startup:DemoPassword</c>, which only appsettings.Development.json sets) and a demo assessment of Musterstadt
/// against the demo catalogue, half answered through the domain with the real actors. Every part is looked up
/// before it is created, so a restart adds nothing; a missing demo catalogue or password skips the parts that
/// need it (with a log line) instead of stopping the start.
/// </summary>
public sealed class DemoDataSeeder(
    GrundschutzDbContext db,
    UserManager<ApplicationUser> users,
    TimeProvider time,
    IOptions<StartupOptions> options,
    IConfiguration configuration,
    IWebHostEnvironment environment,
    ILogger<DemoDataSeeder> logger)
{
    /// <summary>Configuration key of the demo users' password (Development settings only, never a default in code).</summary>
    public const string PasswordKey = StartupOptions.SectionName + ":DemoPassword";

    /// <summary><see cref="Municipality.Source"/> of the demo municipalities.</summary>
    public const string Source = "Demo";

    /// <summary>Title of the demo assessment.</summary>
    public const string AssessmentTitle = "Selbstbewertung 2026 (Demo)";

    public const string MusterstadtAgs = "09189999";

    public const string BeispielgemeindeAgs = "06439999";

    public const string AdminUserName = "demo-admin";

    public const string IsbUserName = "demo-isb";

    public const string ContributorUserName = "demo-mitarbeit";

    public const string AuditorUserName = "demo-pruefer";

    public const string FacilitatorUserName = "demo-moderation";

    /// <summary>The demo user names, one per role, in role order (shown on the login page while demo data is on).</summary>
    public static IReadOnlyList<string> UserNames { get; } =
        [AdminUserName, IsbUserName, ContributorUserName, AuditorUserName, FacilitatorUserName];

    /// <summary>Whether demo data is on: <c>Startup:DemoData</c>, by default only in Development.</summary>
    public static bool IsEnabled(StartupOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        return options.DemoData ?? environment.IsDevelopment();
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!IsEnabled(options.Value, environment))
        {
            return;
        }

        // Users are saved through UserManager on the same context, so one transaction covers everything.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var musterstadt = await EnsureMunicipalityAsync(MusterstadtAgs, "Musterstadt (Demo)", MunicipalityType.Stadt, 12_345, cancellationToken);
        var beispielgemeinde = await EnsureMunicipalityAsync(BeispielgemeindeAgs, "Beispielgemeinde (Demo)", MunicipalityType.Gemeinde, 4_321, cancellationToken);
        if (musterstadt is null || beispielgemeinde is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        var password = configuration[PasswordKey];
        if (string.IsNullOrWhiteSpace(password))
        {
            logger.LogWarning("Demo data: {Key} is not set; demo users and the demo assessment are skipped.", PasswordKey);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        var isb = await EnsureUserAsync(IsbUserName, "Informationssicherheit Musterstadt (Demo)", Roles.Isb, password, u => u.MunicipalityId = musterstadt.Id);
        var contributor = await EnsureUserAsync(ContributorUserName, "Mitarbeit IT Musterstadt (Demo)", Roles.Contributor, password, u => u.MunicipalityId = musterstadt.Id);
        await EnsureUserAsync(AdminUserName, "Administration (Demo)", Roles.Administrator, password, _ => { });
        await EnsureUserAsync(AuditorUserName, "Prüfung " + musterstadt.LandName + " (Demo)", Roles.Auditor, password, u => u.AuditorLands = "|" + musterstadt.LandCode + "|");
        var facilitator = await EnsureUserAsync(FacilitatorUserName, "Moderation (Demo)", Roles.Facilitator, password, _ => { });

        if (isb is not null && contributor is not null)
        {
            await EnsureAssessmentAsync(musterstadt, isb, contributor, cancellationToken);
        }

        if (facilitator is not null)
        {
            await EnsureWorkshopAsync(facilitator, [musterstadt.Id, beispielgemeinde.Id], cancellationToken);
        }

        await new DemoBenchmarkData(db, time).EnsureAsync(await FindDemoCatalogAsync(cancellationToken), cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<Municipality?> EnsureMunicipalityAsync(string ags, string name, MunicipalityType type, int population, CancellationToken cancellationToken)
    {
        var existing = await db.Municipalities.FirstOrDefaultAsync(m => m.Ags == ags, cancellationToken);
        if (existing is not null)
        {
            if (existing.Source == Source)
            {
                return existing;
            }

            // A real municipality with that key (e.g. from a directory import): never hang demo data on it.
            logger.LogWarning("Demo data: municipality {Ags} exists and is not a demo record; demo data skipped.", ags);
            return null;
        }

        var now = time.GetUtcNow();
        var municipality = new Municipality { Population = population, Type = type, Source = Source, CreatedAt = now, UpdatedAt = now };
        municipality.SetAgs(Ags.Parse(ags));
        municipality.SetName(name);
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data: municipality {Name} ({Ags}) created.", name, ags);
        return municipality;
    }

    private async Task<ApplicationUser?> EnsureUserAsync(string userName, string displayName, string role, string password, Action<ApplicationUser> scope)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is not null && !user.IsDemo)
        {
            logger.LogWarning("Demo data: user {UserName} exists and is not a demo account; left unchanged.", userName);
            return null;
        }

        if (user is null)
        {
            user = new ApplicationUser { UserName = userName, DisplayName = displayName, IsDemo = true };
            scope(user);
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Demo-Benutzer {userName} konnte nicht angelegt werden ({PasswordKey} prüfen): " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            logger.LogInformation("Security: demo user {UserName} created with role {Role}", userName, role);
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
        }

        return user;
    }

    private async Task EnsureAssessmentAsync(Municipality musterstadt, ApplicationUser isb, ApplicationUser contributor, CancellationToken cancellationToken)
    {
        if (await db.Assessments.AnyAsync(a => a.MunicipalityId == musterstadt.Id && a.Title == AssessmentTitle, cancellationToken))
        {
            return;
        }

        var versionId = await FindDemoCatalogAsync(cancellationToken);
        if (versionId is null)
        {
            return;
        }

        var framework = await db.CatalogVersions.Where(v => v.Id == versionId).Select(v => v.Framework).SingleAsync(cancellationToken);
        var catalog = await CatalogContextCache.LoadAsync(db, versionId.Value, cancellationToken);
        try
        {
            var assessment = BuildAssessment(musterstadt.Id, versionId.Value, framework, catalog, isb.Id, contributor.Id);
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Demo data: assessment {Title} created with {Answers} answers.", AssessmentTitle, assessment.Answers.Count);
        }
        catch (AssessmentRuleException ex)
        {
            // The demo catalogue no longer fits the demo script (e.g. edited by hand): leave the assessment out.
            logger.LogWarning("Demo data: demo assessment skipped: {Message}", ex.Message);
        }
    }

    private async Task<int?> FindDemoCatalogAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.DemoCatalog;
        var path = Path.IsPathRooted(configured) ? configured : Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured));
        if (!File.Exists(path))
        {
            logger.LogWarning("Demo data: demo catalogue {Path} not found; demo assessment skipped.", path);
            return null;
        }

        // The import stores the SHA-256 of the file, so the version imported from exactly this file is found again.
        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, cancellationToken)));
        var versionId = await db.CatalogVersions.Where(v => v.Sha256 == sha).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken);
        if (versionId is null)
        {
            logger.LogWarning("Demo data: demo catalogue {Path} is not imported; demo assessment skipped.", path);
        }

        return versionId;
    }

    private Assessment BuildAssessment(int municipalityId, int versionId, CatalogFramework framework, CatalogContext catalog, string isbId, string contributorId)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var isb = new Actor(isbId, new HashSet<string>(StringComparer.Ordinal) { AssessmentRoles.Isb });
        var contributor = new Actor(contributorId, new HashSet<string>(StringComparer.Ordinal) { AssessmentRoles.Contributor });

        var assessment = Assessment.Create(municipalityId, versionId, framework, Approach.GsppNormal, AssessmentTitle, isbId, now);
        var server = assessment.AddTargetObject("Server Rathaus", "IT-System").Id;
        var clients = assessment.AddTargetObject("Clients Bürgeramt", "IT-Systeme").Id;
        // With only two target objects, the organisational modules sit on the central server.
        assessment.ApplyModule("TEC.1", server);
        assessment.ApplyModule("TEC.2", server);
        assessment.ApplyModule("TEC.2", clients);
        assessment.ApplyModule("ORG.1", server);
        assessment.ApplyModule("NOT.1", server);
        assessment.AssignContributor(contributorId, "TEC.2");
        assessment.Fire(AssessmentTrigger.StartAnswering, isb, "Demo: Bestandsaufnahme beginnt.", now, catalog);

        (Actor Actor, AnswerInput Input)[] answers =
        [
            (isb, new AnswerInput("ORG.1.1", server, AnswerStatus.Ja,
                ImplementationDescription: "Die Informationssicherheitsbeauftragte ist per Verfügung des Bürgermeisters benannt und hat ein eigenes Zeitbudget.",
                AssessedOn: today, Interviewees: "Bürgermeister, Hauptamtsleitung")),
            (isb, new AnswerInput("ORG.1.2", server, AnswerStatus.Nein,
                Justification: "Die Leitlinie liegt als Entwurf vor; der Beschluss des Stadtrats steht noch aus.",
                Owner: "Hauptamtsleitung", DueDate: today.AddMonths(3), AssessedOn: today, Interviewees: "Hauptamtsleitung")),
            (isb, new AnswerInput("TEC.1.1", server, AnswerStatus.Ja,
                ImplementationDescription: "Tägliche Sicherung auf ein NAS im Nebengebäude, wöchentlich zusätzlich auf Band.",
                AssessedOn: today, Interviewees: "IT-Leitung")),
            (isb, new AnswerInput("TEC.1.2", server, AnswerStatus.Nein,
                Justification: "Alle Sicherungen sind bisher dauerhaft mit dem Netz verbunden.",
                Owner: "IT-Leitung", DueDate: today.AddMonths(6), CostEstimate: 2_500m, AssessedOn: today, Interviewees: "IT-Leitung")),
            (isb, new AnswerInput("NOT.1.1", server, AnswerStatus.Ja,
                ImplementationDescription: "Der Meldeweg für Sicherheitsvorfälle steht im Intranet; alle Beschäftigten wurden per Rundschreiben informiert.",
                AssessedOn: today)),
            (contributor, new AnswerInput("TEC.2.1", server, AnswerStatus.Ja,
                ImplementationDescription: "Administrative Konten sind personalisiert und vom Alltagskonto getrennt.",
                AssessedOn: today)),
            (contributor, new AnswerInput("TEC.2.1", clients, AnswerStatus.Ja,
                ImplementationDescription: "Lokale Administration nur über eigene, zentral verwaltete Konten.",
                AssessedOn: today)),
            (contributor, new AnswerInput("TEC.2.3", clients, AnswerStatus.Nein,
                Justification: "Updates der Fachverfahren werden bisher von Hand und unregelmäßig eingespielt.",
                Owner: "IT-Administration", DueDate: today.AddMonths(2), AssessedOn: today)),
        ];
        foreach (var (actor, input) in answers)
        {
            var requirement = catalog.Find(input.RequirementId)
                ?? throw new AssessmentRuleException($"{input.RequirementId} fehlt im Demo-Katalog.");
            assessment.RecordAnswer(input, 0, actor, now, requirement, today);
        }

        return assessment;
    }

    /// <summary>
    /// A demo workshop of demo-moderation with both demo municipalities on the demo catalogue (all modules). Both
    /// participants are seeded as consenting (without a consenting user: it is demo data) so that the demo shows figures;
    /// demo-isb can withdraw and give Musterstadt's consent again under „Workshop-Einladungen“.
    /// </summary>
    private async Task EnsureWorkshopAsync(ApplicationUser facilitator, IReadOnlyList<int> municipalityIds, CancellationToken cancellationToken)
    {
        if (await db.Workshops.AnyAsync(w => w.FacilitatorUserId == facilitator.Id && w.Topic == WorkshopTopic, cancellationToken))
        {
            return;
        }

        var versionId = await FindDemoCatalogAsync(cancellationToken);
        if (versionId is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var workshop = new Grundschutz.Infrastructure.Persistence.Workshops.Workshop
        {
            Id = Guid.CreateVersion7(now),
            Topic = WorkshopTopic,
            Date = DateOnly.FromDateTime(now.UtcDateTime),
            CatalogVersionId = versionId.Value,
            FacilitatorUserId = facilitator.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        workshop.Participants.AddRange(municipalityIds.Select(id => new Grundschutz.Infrastructure.Persistence.Workshops.WorkshopParticipant
        {
            WorkshopId = workshop.Id,
            MunicipalityId = id,
            ConsentedAt = now,
        }));
        db.Workshops.Add(workshop);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Topic of the demo workshop.</summary>
    public const string WorkshopTopic = "Workshop Basisschutz (Demo)";
}
