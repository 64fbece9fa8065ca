using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.TestSupport;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Infrastructure;

/// <summary>
/// Builds tenants and assessments for web tests straight through the domain and the factory's
/// <see cref="GrundschutzDbContext"/> (no pages involved), so that page tests start from a known state:
/// <code>
/// var seed = new AssessmentSeed(factory);
/// var (koeln, isb) = await seed.TenantAsync("05315000", "Köln");
/// var contributor = await seed.UserAsync("mitarbeit-koeln", Roles.Contributor, koeln);
/// var auditor = await seed.UserAsync("pruefer-nrw", Roles.Auditor, auditorLands: "05");
/// var assessment = await seed.Assessment(koeln, isb)
///     .WithTarget("Server Rathaus", "TEC.1", "TEC.2")
///     .AssignContributor(contributor, "TEC.2")
///     .Answer("TEC.1.1", "Server Rathaus", AnswerStatus.Ja)
///     .Answer("TEC.2.1", "Server Rathaus", AnswerStatus.Nein, by: contributor)
///     .InState(AssessmentState.InProgress)
///     .BuildAsync();
/// var client = await seed.SignInAsync(isb);   // real login form, cookie client
/// </code>
/// Every user gets <see cref="Password"/>. Assessments pin the demo catalogue (catalog/demo-katalog.json, a
/// Grundschutz++-style catalogue with the groups ORG.1, ORG.2, TEC.1, TEC.2 and NOT.1), imported on first use and
/// reused afterwards. All times come from the factory's <see cref="GrundschutzWebFactory.Time"/>.
/// </summary>
public sealed class AssessmentSeed(GrundschutzWebFactory factory)
{
    /// <summary>The password of every user created here.</summary>
    public const string Password = "Test-Passwort-123";

    /// <summary>Actor id used for review transitions when no auditor is given to <see cref="Builder.InState"/>.</summary>
    public const string DefaultAuditorId = "seed-auditor";

    /// <summary>The demo catalogue shipped in the repository.</summary>
    public static string DemoCatalogPath => SharedFiles.InRepository("catalog/demo-katalog.json");

    public GrundschutzWebFactory Factory => factory;

    /// <summary>Imports the demo catalogue (a no-op when it is already imported) and returns its version id.</summary>
    public async Task<int> DemoCatalogVersionIdAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
        var results = await importer.ImportAsync([CatalogImportFile.FromPath(DemoCatalogPath)], "test", CancellationToken.None);
        return results[0].CatalogVersionId;
    }

    /// <summary>Creates a municipality (source "manuell"); the Land follows from the AGS.</summary>
    /// <param name="ags">Valid eight-digit AGS, unique in the database (e.g. "05315000" for Köln, Land 05).</param>
    /// <param name="name">Display name.</param>
    /// <param name="type">Kind of municipality.</param>
    /// <param name="population">Inhabitants, or null when unknown.</param>
    public async Task<Municipality> MunicipalityAsync(string ags, string name, MunicipalityType type = MunicipalityType.Gemeinde, int? population = 10_000)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var now = factory.Time.GetUtcNow();
        var municipality = new Municipality { Population = population, Type = type, CreatedAt = now, UpdatedAt = now };
        municipality.SetAgs(Ags.Parse(ags));
        municipality.SetName(name);
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        return municipality;
    }

    /// <summary>Creates a user with one role via <see cref="GrundschutzWebFactory.CreateUserAsync"/> and sets the tenant.</summary>
    /// <param name="userName">Unique user name.</param>
    /// <param name="role">One of <see cref="Roles"/>.</param>
    /// <param name="municipality">The municipality (ISB, Contributor), or null.</param>
    /// <param name="auditorLands">Two-digit Land codes (Auditor), e.g. "05".</param>
    public Task<ApplicationUser> UserAsync(string userName, string role, Municipality? municipality = null, params string[] auditorLands) =>
        UserAsync(userName, [role], municipality?.Id, auditorLands);

    /// <summary>Creates a user with any roles and tenant fields (also combinations the admin pages would refuse).</summary>
    public async Task<ApplicationUser> UserAsync(string userName, IReadOnlyList<string> roles, int? municipalityId, IReadOnlyList<string> auditorLands)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(auditorLands);
        var created = await factory.CreateUserAsync(userName, Password, [.. roles]);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(created.Id) ?? throw new InvalidOperationException($"User {userName} vanished.");
        user.MunicipalityId = municipalityId;
        user.AuditorLands = auditorLands.Count == 0 ? "" : "|" + string.Join('|', auditorLands.Order(StringComparer.Ordinal)) + "|";
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return user;
    }

    /// <summary>A municipality with its ISB (user name "isb-{ags}" unless given).</summary>
    public async Task<(Municipality Municipality, ApplicationUser Isb)> TenantAsync(string ags, string name, string? isbUserName = null)
    {
        var municipality = await MunicipalityAsync(ags, name);
        var isb = await UserAsync(isbUserName ?? "isb-" + ags, Roles.Isb, municipality);
        return (municipality, isb);
    }

    /// <summary>
    /// The <see cref="CurrentUser"/> the pages would see for <paramref name="user"/>: built from the claims the real
    /// claims factory puts into the sign-in cookie.
    /// </summary>
    public async Task<CurrentUser> CurrentUserAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var fresh = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException($"User {user.UserName} does not exist.");
        return CurrentUser.From(await claims.CreateAsync(fresh)) ?? throw new InvalidOperationException("No current user from the claims.");
    }

    /// <summary>A cookie client signed in as <paramref name="user"/> through the real login form.</summary>
    public async Task<HttpClient> SignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, user.UserName!, Password);
        return client;
    }

    /// <summary>Starts an assessment of <paramref name="municipality"/> created by <paramref name="isb"/>.</summary>
    public Builder Assessment(Municipality municipality, ApplicationUser isb)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(isb);
        return new Builder(this, municipality.Id, isb);
    }

    /// <summary>Loads the whole aggregate (no tracking) for assertions.</summary>
    public async Task<Assessment> LoadAsync(Guid assessmentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        return await db.Assessments.AsNoTracking()
            .Include(a => a.TargetObjects).Include(a => a.ModuleApplications).Include(a => a.ModuleExclusions)
            .Include(a => a.ContributorAssignments).Include(a => a.Transitions)
            .Include(a => a.Answers).ThenInclude(a => a.History)
            .Include(a => a.Answers).ThenInclude(a => a.Evidence)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == assessmentId);
    }

    /// <summary>A complete, valid answer with plausible test values for <paramref name="status"/>.</summary>
    public static AnswerInput CompleteAnswer(string requirementId, Guid targetObjectId, AnswerStatus status, DateOnly today) => status switch
    {
        AnswerStatus.Ja => new AnswerInput(requirementId, targetObjectId, status, ImplementationDescription: "Umgesetzt (Testdaten).", AssessedOn: today),
        AnswerStatus.Teilweise or AnswerStatus.Nein => new AnswerInput(requirementId, targetObjectId, status,
            Justification: "Noch nicht umgesetzt (Testdaten).", Owner: "IT-Leitung", DueDate: today.AddMonths(3), AssessedOn: today),
        AnswerStatus.Entbehrlich => new AnswerInput(requirementId, targetObjectId, status,
            EntbehrlichReason: EntbehrlichReason.NotRelevant, Justification: "Nicht relevant (Testdaten).", AssessedOn: today),
        _ => new AnswerInput(requirementId, targetObjectId, status),
    };

    /// <summary>What <see cref="Builder.BuildAsync"/> created.</summary>
    /// <param name="Id">The assessment id.</param>
    /// <param name="MunicipalityId">The municipality.</param>
    /// <param name="CatalogVersionId">The pinned catalogue version.</param>
    /// <param name="TargetIds">Target object ids by name.</param>
    public sealed record SeededAssessment(Guid Id, int MunicipalityId, int CatalogVersionId, IReadOnlyDictionary<string, Guid> TargetIds)
    {
        /// <summary>The id of the target object called <paramref name="name"/>.</summary>
        public Guid Target(string name) => TargetIds[name];
    }

    /// <summary>
    /// Describes one assessment; nothing is written before <see cref="BuildAsync"/>, which runs every step through
    /// the domain methods (Create, AddTargetObject, ApplyModule, AssignContributor, RecordAnswer, Fire) and saves once.
    /// </summary>
    public sealed class Builder
    {
        private readonly AssessmentSeed _seed;
        private readonly int _municipalityId;
        private readonly ApplicationUser _isb;
        private readonly List<(string Name, string[] Modules)> _targets = [];
        private readonly List<(ApplicationUser User, string GroupId)> _contributors = [];
        private readonly List<(string RequirementId, string Target, AnswerStatus Status, ApplicationUser? By, Func<AnswerInput, AnswerInput>? Adjust)> _answers = [];
        private readonly List<(string RequirementId, string Target, string FileName, string StorageKey, long Size)> _evidence = [];
        private readonly List<(string GroupId, string Reason)> _exclusions = [];
        private string _title = "Selbstbewertung (Test)";
        private Approach _approach = Approach.GsppNormal;
        private int? _catalogVersionId;
        private AnswerStatus? _answerRest;
        private AssessmentState _state = AssessmentState.Draft;
        private ApplicationUser? _auditor;

        internal Builder(AssessmentSeed seed, int municipalityId, ApplicationUser isb)
        {
            _seed = seed;
            _municipalityId = municipalityId;
            _isb = isb;
        }

        /// <summary>The title (default "Selbstbewertung (Test)").</summary>
        public Builder Titled(string title)
        {
            _title = title;
            return this;
        }

        /// <summary>The approach (default <see cref="Approach.GsppNormal"/>, which fits the demo catalogue).</summary>
        public Builder WithApproach(Approach approach)
        {
            _approach = approach;
            return this;
        }

        /// <summary>Pins another imported catalogue version instead of the demo catalogue.</summary>
        public Builder OnCatalogVersion(int catalogVersionId)
        {
            _catalogVersionId = catalogVersionId;
            return this;
        }

        /// <summary>Adds a target object (kind "IT-System") and applies <paramref name="modules"/> (group ids) to it.</summary>
        public Builder WithTarget(string name, params string[] modules)
        {
            _targets.Add((name, modules));
            return this;
        }

        /// <summary>Lets <paramref name="contributor"/> answer <paramref name="groupId"/>.</summary>
        public Builder AssignContributor(ApplicationUser contributor, string groupId)
        {
            _contributors.Add((contributor, groupId));
            return this;
        }

        /// <summary>
        /// Records an answer (see <see cref="CompleteAnswer"/> for the values) as <paramref name="by"/> (default: the ISB,
        /// with the user's real roles). <paramref name="adjust"/> changes the values, e.g. <c>a => a with { Owner = null }</c>
        /// for an incomplete answer.
        /// </summary>
        public Builder Answer(string requirementId, string target, AnswerStatus status, ApplicationUser? by = null, Func<AnswerInput, AnswerInput>? adjust = null)
        {
            _answers.Add((requirementId, target, status, by, adjust));
            return this;
        }

        /// <summary>Records that module <paramref name="groupId"/> is not applied, with the reason.</summary>
        public Builder Excluding(string groupId, string reason)
        {
            _exclusions.Add((groupId, reason));
            return this;
        }

        /// <summary>Attaches an evidence file reference (bytes stored beforehand, e.g. with the EvidenceStore) as the ISB.</summary>
        public Builder WithEvidence(string requirementId, string target, string fileName, string storageKey, long size)
        {
            _evidence.Add((requirementId, target, fileName, storageKey, size));
            return this;
        }

        /// <summary>Answers every applicable question not answered explicitly with <paramref name="status"/> (as the ISB).</summary>
        public Builder AnswerRest(AnswerStatus status = AnswerStatus.Ja)
        {
            _answerRest = status;
            return this;
        }

        /// <summary>
        /// The state to reach (default Draft) by firing the real triggers: StartAnswering (ISB); Submit (ISB; open
        /// questions are then answered with ja unless <see cref="AnswerRest"/> chose another status); StartReview,
        /// Return (with a comment) and Approve as <paramref name="auditor"/> (default: the actor id
        /// <see cref="DefaultAuditorId"/>); Archive (ISB).
        /// </summary>
        public Builder InState(AssessmentState state, ApplicationUser? auditor = null)
        {
            _state = state;
            _auditor = auditor;
            return this;
        }

        /// <summary>Writes the assessment and returns its ids.</summary>
        public async Task<SeededAssessment> BuildAsync()
        {
            var versionId = _catalogVersionId ?? await _seed.DemoCatalogVersionIdAsync();
            await using var scope = _seed.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var catalog = await CatalogContextCache.LoadAsync(db, versionId, CancellationToken.None);
            var framework = await db.CatalogVersions.Where(v => v.Id == versionId).Select(v => v.Framework).SingleAsync();
            var now = _seed.Factory.Time.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);

            async Task<Actor> ActorOf(ApplicationUser user) =>
                new(user.Id, (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal));

            var isb = await ActorOf(_isb);
            var auditor = _auditor is null
                ? new Actor(DefaultAuditorId, new HashSet<string>(StringComparer.Ordinal) { AssessmentRoles.Auditor })
                : await ActorOf(_auditor);

            var assessment = Domain.Assessments.Assessment.Create(_municipalityId, versionId, framework, _approach, _title, _isb.Id, now);
            var targets = new Dictionary<string, Guid>(StringComparer.Ordinal);
            foreach (var (name, modules) in _targets)
            {
                var target = assessment.AddTargetObject(name, "IT-System");
                targets[name] = target.Id;
                foreach (var module in modules)
                {
                    assessment.ApplyModule(module, target.Id);
                }
            }

            foreach (var (groupId, reason) in _exclusions)
            {
                assessment.ExcludeModule(groupId, reason);
            }

            foreach (var (user, groupId) in _contributors)
            {
                assessment.AssignContributor(user.Id, groupId);
            }

            if (_state != AssessmentState.Draft)
            {
                assessment.Fire(AssessmentTrigger.StartAnswering, isb, null, now, catalog);
            }

            foreach (var (requirementId, target, status, by, adjust) in _answers)
            {
                var requirement = catalog.Find(requirementId) ?? throw new InvalidOperationException($"{requirementId} is not in the catalogue.");
                var input = CompleteAnswer(requirementId, targets[target], status, today);
                var actor = by is null ? isb : await ActorOf(by);
                assessment.RecordAnswer(adjust?.Invoke(input) ?? input, assessment.FindAnswer(requirementId, targets[target])?.Version ?? 0, actor, now, requirement, today);
            }

            foreach (var (requirementId, target, fileName, storageKey, size) in _evidence)
            {
                assessment.AttachEvidence(catalog.Find(requirementId)!, targets[target], fileName, storageKey, size, null, isb, now);
            }

            var rest = _answerRest ?? (_state is AssessmentState.Draft or AssessmentState.InProgress ? null : AnswerStatus.Ja);
            if (rest is { } restStatus)
            {
                foreach (var question in assessment.ApplicableQuestions(catalog))
                {
                    if (assessment.FindAnswer(question.RequirementId, question.TargetObjectId) is { IsAnswered: true })
                    {
                        continue;
                    }

                    var input = CompleteAnswer(question.RequirementId, question.TargetObjectId, restStatus, today);
                    var version = assessment.FindAnswer(question.RequirementId, question.TargetObjectId)?.Version ?? 0;
                    assessment.RecordAnswer(input, version, isb, now, catalog.Find(question.RequirementId)!, today);
                }
            }

            foreach (var (trigger, actor, comment) in TransitionsTo(_state, isb, auditor))
            {
                assessment.Fire(trigger, actor, comment, now, catalog);
            }

            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
            return new SeededAssessment(assessment.Id, _municipalityId, versionId, targets);
        }

        private static IEnumerable<(AssessmentTrigger Trigger, Actor Actor, string? Comment)> TransitionsTo(AssessmentState state, Actor isb, Actor auditor)
        {
            if (state is AssessmentState.Draft or AssessmentState.InProgress)
            {
                yield break;
            }

            yield return (AssessmentTrigger.Submit, isb, null);
            if (state == AssessmentState.Submitted)
            {
                yield break;
            }

            yield return (AssessmentTrigger.StartReview, auditor, null);
            switch (state)
            {
                case AssessmentState.Returned:
                    yield return (AssessmentTrigger.Return, auditor, "Bitte überarbeiten (Testdaten).");
                    break;
                case AssessmentState.Approved:
                    yield return (AssessmentTrigger.Approve, auditor, null);
                    break;
                case AssessmentState.Archived:
                    yield return (AssessmentTrigger.Approve, auditor, null);
                    yield return (AssessmentTrigger.Archive, isb, null);
                    break;
            }
        }
    }
}
