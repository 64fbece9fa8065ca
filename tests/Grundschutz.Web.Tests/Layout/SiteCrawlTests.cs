using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.Web.Infrastructure;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Grundschutz.Web.Tests.Layout;

/// <summary>The demo installation (demo users, catalogue, assessment, workshop, benchmark data) as the crawler sees it.</summary>
public sealed class DemoSiteFactory : GrundschutzWebFactory
{
    public const string Password = "Demo-Passwort-2026";

    private readonly SemaphoreSlim _seeding = new(1, 1);
    private bool _seeded;

    public DemoSiteFactory()
    {
        Settings["Startup:DemoData"] = "true";
        Settings["Startup:DemoCatalog"] = AssessmentSeed.DemoCatalogPath;
        Settings["Startup:DemoPassword"] = Password;
    }

    /// <summary>
    /// Adds, once, what the demo data lacks for the crawl: an approved earlier assessment of Musterstadt (report with
    /// comparison, evidence package, OSCAL export, reopening), so that the pages of that state are reached too.
    /// </summary>
    public async Task EnsureApprovedAssessmentAsync()
    {
        await _seeding.WaitAsync();
        try
        {
            if (_seeded)
            {
                return;
            }

            ApplicationUser isb;
            Municipality musterstadt;
            await using (var scope = Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
                musterstadt = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Ags == DemoDataSeeder.MusterstadtAgs);
                isb = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == DemoDataSeeder.IsbUserName);
            }

            await new AssessmentSeed(this).Assessment(musterstadt, isb).Titled("Selbstbewertung 2025 (genehmigt)")
                .WithTarget("Server Rathaus", "TEC.1").AnswerRest().InState(AssessmentState.Approved).BuildAsync();
            _seeded = true;
        }
        finally
        {
            _seeding.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _seeding.Dispose();
        }
    }
}

/// <summary>
/// Every page a user can reach by following the links the app shows, for each demo role and anonymously, in German
/// and in English: no link leads to an error, a missing page or a refusal, and every page is well-formed for
/// assistive technology and for the anti-forgery check – ids are unique; labels, ARIA references and in-page links
/// point at elements that exist; every POST form carries its token; there is one <c>h1</c>, no skipped heading level,
/// no positive tabindex, a title and a language;
/// images have alt texts. Pages of the same shape (one question of many, one requirement of many) are visited a few
/// times, not all of them.
/// </summary>
public sealed partial class SiteCrawlTests(DemoSiteFactory factory, ITestOutputHelper output) : IClassFixture<DemoSiteFactory>
{
    /// <summary>Pages of the same shape (numbers and ids replaced) visited at most this often.</summary>
    private const int PerShape = 3;

    private const int MaxPages = 400;

    [Theory]
    [InlineData(null, false)]
    [InlineData(DemoDataSeeder.IsbUserName, false)]
    [InlineData(DemoDataSeeder.IsbUserName, true)]
    [InlineData(DemoDataSeeder.ContributorUserName, false)]
    [InlineData(DemoDataSeeder.AuditorUserName, false)]
    [InlineData(DemoDataSeeder.FacilitatorUserName, false)]
    [InlineData(DemoDataSeeder.AdminUserName, false)]
    [InlineData(DemoDataSeeder.AdminUserName, true)]
    public async Task EveryLinkedPage_Answers_AndIsWellFormed(string? user, bool english)
    {
        await factory.EnsureApprovedAssessmentAsync();
        var client = factory.CreateBrowserClient();
        if (user is not null)
        {
            await Html.LoginAsync(client, user, DemoSiteFactory.Password);
        }

        if (english)
        {
            // As a user does: the header's language switch (a cookie), so that every following page is English.
            var home = await Html.GetDocumentAsync(client, "/");
            var button = (IHtmlButtonElement)home.QuerySelector("#language-switch")!;
            var switched = await Html.SubmitAsync(client, (IHtmlFormElement)button.Closest("form")!, submitter: button);
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }

        const string start = "/";
        var queue = new Queue<(string Url, string From)>([(start, "(start)")]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var probed = new HashSet<string>(StringComparer.Ordinal);
        var probedQueries = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var pages = 0;
        while (queue.Count > 0 && pages < MaxPages)
        {
            var (url, from) = queue.Dequeue();
            pages++;
            output.WriteLine(url);
            var (response, final) = await GetFollowingRedirectsAsync(client, url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{url} (linked from {from}) → {(int)response.StatusCode}{(final == url ? "" : " at " + final)}");
                continue;
            }

            if (final.Contains('?', StringComparison.Ordinal) && probedQueries.Add(Shape(final)))
            {
                problems.AddRange((await ProbeOddQueryValuesAsync(client, final)).Select(p => $"{final}: {p}"));
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html" || response.Content.Headers.ContentDisposition is not null)
            {
                continue; // a download (Excel, ZIP, JSON, the German report document, a chart): it answered, which is what a link promises
            }

            var page = await Html.ParseAsync(response);
            problems.AddRange(CheckPage(page).Select(p => $"{final}: {p}"));
            if (probed.Add(Variable().Replace(final.Split('?')[0], "{x}")))
            {
                problems.AddRange((await ProbeUnknownHandlerAsync(client, page, final)).Select(p => $"{final}: {p}"));
            }
            if (english && page.DocumentElement.GetAttribute("lang") != "en")
            {
                problems.Add($"{final}: the English crawl landed on a page with lang=\"{page.DocumentElement.GetAttribute("lang")}\"");
            }

            foreach (var link in Links(page))
            {
                if (seen.Add(link) && TakeShape(shapes, link))
                {
                    queue.Enqueue((link, final));
                }
            }
        }

        Assert.True(pages >= (user is null ? 3 : 8), $"only {pages} pages reached – is the crawl following the links?");
        Assert.True(queue.Count == 0, $"more than {MaxPages} pages: raise the limit or collapse more shapes ({queue.Count} left, e.g. {string.Join(", ", queue.Take(5).Select(q => q.Url))})");
        Assert.True(problems.Count == 0, $"{problems.Count} problems on {pages} pages:\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// A forged or outdated request to the page – a handler name it does not have, by GET and by POST with a valid
    /// anti-forgery token – gets an answer, not an error: Razor Pages falls back to the page's unnamed handler of that
    /// method, and where there is none (a page that only shows something) the app answers 404 instead of rendering the
    /// page without its data (<c>UnknownHandlerTests</c> checks the 404 itself).
    /// </summary>
    private static async Task<IEnumerable<string>> ProbeUnknownHandlerAsync(HttpClient client, IHtmlDocument page, string url)
    {
        var problems = new List<string>();
        var path = url.Split('?')[0];
        var get = await client.GetAsync(path + "?handler=Unbekannt");
        if ((int)get.StatusCode >= 500)
        {
            problems.Add($"GET ?handler=Unbekannt → {(int)get.StatusCode}");
        }

        if (page.QuerySelector("input[name='__RequestVerificationToken']") is IHtmlInputElement token)
        {
            var post = await client.PostAsync(path + "?handler=Unbekannt", new FormUrlEncodedContent([new(token.Name!, token.Value)]));
            if ((int)post.StatusCode >= 500)
            {
                problems.Add($"POST ?handler=Unbekannt → {(int)post.StatusCode}");
            }
        }

        return problems;
    }

    /// <summary>
    /// Each query value of a page with a query (search, filter, page number, download handler) replaced by odd ones – a
    /// number out of range or none, LIKE characters, an off-site address, an overlong text – and given twice: the page
    /// answers without an error, and a redirect stays on the site with an address of bounded length (HTTP 414).
    /// </summary>
    private static async Task<IEnumerable<string>> ProbeOddQueryValuesAsync(HttpClient client, string url)
    {
        string[] values = ["-1", "2147483648", "abc", "%_[\\", "//evil.example", new string('ä', 3000)];
        var problems = new List<string>();
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var pairs = url[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)[0]).ToList();
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i] == "handler")
            {
                continue; // ProbeUnknownHandlerAsync asks for an unknown handler
            }

            var query = url[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries);
            foreach (var value in values.Select(Uri.EscapeDataString).Append("1&" + pairs[i] + "=2"))
            {
                var changed = query.ToArray();
                changed[i] = pairs[i] + "=" + value;
                var response = await client.GetAsync(url[..(question + 1)] + string.Join("&", changed));
                var location = response.Headers.Location?.OriginalString;
                if ((int)response.StatusCode >= 500)
                {
                    problems.Add($"{pairs[i]}={Short(Uri.UnescapeDataString(value))} → {(int)response.StatusCode}");
                }
                else if (location is not null && (!IsOwnPath(location) && !location.StartsWith("https://localhost/", StringComparison.Ordinal) || location.Length > 2100))
                {
                    problems.Add($"{pairs[i]}={Short(Uri.UnescapeDataString(value))} → redirect to {Short(location)} ({location.Length} characters)");
                }
            }
        }

        return problems;
    }

    /// <summary>Follows redirects within the site (a link may lead through one, e.g. to the first question).</summary>
    private static async Task<(HttpResponseMessage Response, string Url)> GetFollowingRedirectsAsync(HttpClient client, string url)
    {
        for (var hop = 0; ; hop++)
        {
            var response = await client.GetAsync(url);
            if (hop < 5 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
                && response.Headers.Location is { } location && IsOwnPath(location.OriginalString))
            {
                url = location.OriginalString;
                continue;
            }

            return (response, url);
        }
    }

    private static bool IsOwnPath(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.StartsWith("/\\", StringComparison.Ordinal);

    /// <summary>
    /// The site's own links of a page (no fragment), as the browser would request them – and the GET forms (search,
    /// filters) submitted with the values they show.
    /// </summary>
    private static IEnumerable<string> Links(IHtmlDocument page)
    {
        foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => !string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
        {
            if (form.GetSubmission() is { } submission && new Uri(submission.Target.Href) is { Host: "localhost" } target)
            {
                yield return target.PathAndQuery;
            }
        }

        foreach (var anchor in page.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href")!.Trim();
            var hash = href.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                href = href[..hash];
            }

            if (href.Length > 0 && IsOwnPath(href))
            {
                yield return WebUtility.HtmlDecode(href);
            }
        }
    }

    /// <summary>Counts the page's shape and says whether to visit it.</summary>
    private static bool TakeShape(Dictionary<string, int> shapes, string url)
    {
        var shape = Shape(url);
        shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
        return shapes[shape] <= PerShape;
    }

    /// <summary>The path with numbers and ids replaced, query names kept.</summary>
    private static string Shape(string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? url : url[..query];
        var names = query < 0 ? "" : string.Join("&", url[(query + 1)..].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));
        return Variable().Replace(path, "{x}") + "?" + names;
    }

    private static IEnumerable<string> CheckPage(IHtmlDocument page)
    {
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        foreach (var duplicate in ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"id „{duplicate.Key}“ appears {duplicate.Count()} times";
        }

        var known = ids.ToHashSet(StringComparer.Ordinal);
        foreach (var label in page.QuerySelectorAll("label[for]"))
        {
            var target = label.GetAttribute("for")!;
            if (!known.Contains(target))
            {
                yield return $"label „{Short(label.TextContent)}“ is for the missing id „{target}“";
            }
            else if (page.GetElementById(target) is not (IHtmlInputElement or IHtmlSelectElement or IHtmlTextAreaElement or IHtmlButtonElement or IHtmlOutputElement or IHtmlMeterElement or IHtmlProgressElement))
            {
                yield return $"label „{Short(label.TextContent)}“ is for „{target}“, which is no form control";
            }
        }

        foreach (var attribute in new[] { "aria-labelledby", "aria-describedby", "aria-controls", "aria-errormessage" })
        {
            foreach (var element in page.QuerySelectorAll($"[{attribute}]"))
            {
                foreach (var reference in element.GetAttribute(attribute)!.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!known.Contains(reference))
                    {
                        yield return $"{attribute}=„{reference}“ on <{element.LocalName}{(element.Id is { } id ? " id=" + id : "")}> names no element";
                    }
                }
            }
        }

        foreach (var anchor in page.QuerySelectorAll("a[href^='#']"))
        {
            var target = anchor.GetAttribute("href")![1..];
            if (target.Length > 0 && !known.Contains(Uri.UnescapeDataString(target)))
            {
                yield return $"in-page link „{Short(anchor.TextContent)}“ goes to the missing id „{target}“";
            }
        }

        foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            if (string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase) && form.QuerySelector("input[name='__RequestVerificationToken']") is null)
            {
                yield return $"POST form {(form.Id is { } id ? "#" + id : form.Action)} has no anti-forgery token";
            }
        }

        var headings = page.QuerySelectorAll("h1").Length;
        if (headings != 1)
        {
            yield return $"{headings} h1 headings";
        }

        if (string.IsNullOrWhiteSpace(page.Title))
        {
            yield return "no title";
        }

        // A screen reader's list of headings: no level skipped on the way down (h2 → h4), and the page starts with one
        // level at most below h1 (the error summary's h2 may stand before it).
        var previous = 1;
        foreach (var heading in page.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
        {
            var level = heading.LocalName[1] - '0';
            if (level > previous + 1)
            {
                yield return $"heading „{Short(heading.TextContent)}“ is h{level} after h{previous}";
            }

            previous = level;
        }

        foreach (var element in page.QuerySelectorAll("[tabindex]"))
        {
            if (int.TryParse(element.GetAttribute("tabindex"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var index) && index > 0)
            {
                yield return $"<{element.LocalName}{(element.Id is { } id ? " id=" + id : "")}> has tabindex={index}: it jumps ahead of the reading order";
            }
        }

        // One element at most asks for the focus when the page loads (PageFocus); a second would be ignored.
        if (page.QuerySelectorAll("[autofocus]").Length > 1)
        {
            yield return "more than one element with autofocus";
        }

        if (string.IsNullOrWhiteSpace(page.DocumentElement.GetAttribute("lang")))
        {
            yield return "no lang on <html>";
        }

        foreach (var image in page.QuerySelectorAll("img:not([alt])"))
        {
            yield return $"image {image.GetAttribute("src")} without alt";
        }

        // Client-side validation messages come from the data annotations: ASP.NET's English defaults name C# properties.
        foreach (var element in page.QuerySelectorAll("[data-val='true']"))
        {
            foreach (var attribute in element.Attributes.Where(a => a.Name.StartsWith("data-val-", StringComparison.Ordinal) && !a.Name[9..].Contains('-')))
            {
                if (attribute.Value.StartsWith("The field ", StringComparison.Ordinal) || attribute.Value.Contains(" field is required", StringComparison.Ordinal))
                {
                    yield return $"{attribute.Name} on #{element.Id} is the framework's default „{Short(attribute.Value)}“";
                }
            }
        }
    }

    private static string Short(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 40 ? flat : flat[..40] + "…";
    }

    [GeneratedRegex(@"(?<=/)([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d+|[A-Z][A-Za-z0-9.+_-]*\.[A-Za-z0-9.+_-]*\d[A-Za-z0-9.+_-]*)(?=/|$)")]
    private static partial Regex Variable();
}
