using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Assessments;

/// <summary>Helpers for the assessment page tests: forms by id, forged posts with a real token, error summary, domain shortcuts.</summary>
internal static class AssessmentPages
{
    public static string Overview(Guid id) => $"/Assessments/{id}";

    public static string Scope(Guid id) => $"/Assessments/{id}/Scope";

    public static IHtmlFormElement Form(IHtmlDocument document, string id) =>
        document.GetElementById(id) as IHtmlFormElement
        ?? throw new Xunit.Sdk.XunitException($"Form #{id} not found on {document.Url}.");

    /// <summary>The anti-forgery token of the signed-in user, as any form of <paramref name="document"/> carries it.</summary>
    public static string Token(IHtmlDocument document) =>
        document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
        ?? throw new Xunit.Sdk.XunitException($"No anti-forgery token on {document.Url}.");

    /// <summary>The token from a page of the user's own (e.g. their Create page).</summary>
    public static async Task<string> TokenFromAsync(HttpClient client, string url) => Token(await Html.GetDocumentAsync(client, url));

    /// <summary>A POST as a forged form would send it: the handler, the given fields and (unless null) the token.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string handler, string? token, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token is not null)
        {
            values.Add(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        }

        return client.PostAsync(handler.Length == 0 ? url : $"{url}?handler={handler}", new FormUrlEncodedContent(values));
    }

    /// <summary>Submits a form and follows the post-redirect-get.</summary>
    public static async Task<IHtmlDocument> SubmitAndFollowAsync(HttpClient client, IHtmlFormElement form, Dictionary<string, string>? values = null)
    {
        var response = await Html.SubmitAsync(client, form, values);
        return await Html.FollowRedirectAsync(client, response);
    }

    /// <summary>Submits a form that is expected to be refused: the page comes back (200) with the error summary.</summary>
    public static async Task<IHtmlDocument> SubmitRefusedAsync(HttpClient client, IHtmlFormElement form, Dictionary<string, string>? values = null)
    {
        var response = await Html.SubmitAsync(client, form, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    /// <summary>The messages of the error summary.</summary>
    public static List<string> Errors(IHtmlDocument document) =>
        [.. document.QuerySelectorAll("#error-summary li").Select(li => li.TextContent.Trim())];

    /// <summary>The links of the error summary.</summary>
    public static List<string?> ErrorLinks(IHtmlDocument document) =>
        [.. document.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href"))];

    public static string Text(IHtmlDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim()
        ?? throw new Xunit.Sdk.XunitException($"Nothing matches {selector} on {document.Url}.");

    /// <summary>The assessment id in a redirect to /Assessments/{id} or /Assessments/{id}/Scope.</summary>
    public static Guid IdFromLocation(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException("No redirect location.");
        var parts = PathAndQuery(location).Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Guid.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    /// <summary>Path and query of an absolute or relative redirect location.</summary>
    public static string PathAndQuery(Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;

    /// <summary>"dd.MM.yyyy HH:mm" in German local time, as the history table shows it.</summary>
    public static string GermanLocal(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("dd.MM.yyyy HH:mm", CultureInfo.GetCultureInfo("de-DE"));

    public static async Task<AssessmentState> StateAsync(AssessmentSeed seed, Guid id) => (await seed.LoadAsync(id)).State;

    /// <summary>
    /// Stands in for the questionnaire page (built elsewhere): answers the first <paramref name="count"/> open questions
    /// (all when null) through the domain as <paramref name="userId"/> with <paramref name="roles"/>.
    /// </summary>
    public static async Task AnswerAsync(GrundschutzWebFactory factory, Guid id, string userId, IReadOnlyCollection<string> roles, int? count = null, AnswerStatus status = AnswerStatus.Ja)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var assessment = await db.Assessments
            .Include(a => a.TargetObjects).Include(a => a.ModuleApplications).Include(a => a.ModuleExclusions)
            .Include(a => a.ContributorAssignments).Include(a => a.Transitions)
            .Include(a => a.Answers).ThenInclude(a => a.History)
            .Include(a => a.Answers).ThenInclude(a => a.Evidence)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == id);
        var catalog = await CatalogContextCache.LoadAsync(db, assessment.CatalogVersionId, CancellationToken.None);
        var now = factory.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var actor = new Actor(userId, roles.ToHashSet(StringComparer.Ordinal));
        var open = new QuestionnaireNavigator(assessment, catalog).Questions.Where(q => q.IsOpen).Take(count ?? int.MaxValue).ToList();
        foreach (var question in open)
        {
            var input = AssessmentSeed.CompleteAnswer(question.RequirementId, question.TargetObjectId, status, today);
            assessment.RecordAnswer(input, question.Version, actor, now, catalog.Find(question.RequirementId)!, today);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Overall progress as the domain computes it, to compare with the page.</summary>
    public static async Task<ModuleProgress> ProgressAsync(GrundschutzWebFactory factory, AssessmentSeed seed, Guid id)
    {
        var assessment = await seed.LoadAsync(id);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var catalog = await CatalogContextCache.LoadAsync(db, assessment.CatalogVersionId, CancellationToken.None);
        return new QuestionnaireNavigator(assessment, catalog).Overall;
    }
}
