using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;

namespace Grundschutz.Web.Tests.Infrastructure;

/// <summary>
/// Parses pages with AngleSharp and submits real forms: the anti-forgery token and every other field of the
/// form travel exactly as a browser would send them.
/// </summary>
public static class Html
{
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var content = await response.Content.ReadAsStringAsync();
        var config = Configuration.Default;
        var context = BrowsingContext.New(config);
        var document = await context.OpenAsync(r =>
        {
            r.Content(content);
            r.Address(response.RequestMessage?.RequestUri ?? new Uri("https://localhost/"));
            r.Status(response.StatusCode);
            foreach (var header in response.Content.Headers)
            {
                r.Header(header.Key, string.Join(", ", header.Value));
            }
        });
        return (IHtmlDocument)document;
    }

    /// <summary>GET a page, asserting 200, and parse it.</summary>
    public static async Task<IHtmlDocument> GetDocumentAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>Submits <paramref name="form"/> with its current field values plus <paramref name="values"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, IHtmlFormElement form, IDictionary<string, string>? values = null, IHtmlElement? submitter = null)
    {
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            var element = form.Elements[name] ?? throw new InvalidOperationException($"Form has no field '{name}'.");
            if (element is IHtmlInputElement { Type: "radio" })
            {
                // A radio group: check the option with this value (and thereby uncheck the others).
                var options = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "radio" && i.Name == name).ToList();
                var chosen = options.FirstOrDefault(o => o.Value == value)
                    ?? throw new InvalidOperationException($"Radio group '{name}' has no option '{value}'.");
                options.ForEach(o => o.IsChecked = ReferenceEquals(o, chosen));
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } input:
                    input.IsChecked = value == "true" || value == input.Value;
                    break;
                case IHtmlInputElement input:
                    input.Value = value;
                    break;
                case IHtmlTextAreaElement area:
                    area.Value = value;
                    break;
                case IHtmlSelectElement select:
                    select.Value = value;
                    break;
                default:
                    throw new InvalidOperationException($"Cannot set field '{name}'.");
            }
        }

        var submission = (submitter is null ? form.GetSubmission() : form.GetSubmission(submitter))
            ?? throw new InvalidOperationException("Form cannot be submitted.");
        var target = new Uri(submission.Target.Href);
        var request = new HttpRequestMessage(new System.Net.Http.HttpMethod(submission.Method.ToString().ToUpperInvariant()), target);
        if (submission.Method != AngleSharp.Io.HttpMethod.Get)
        {
            var body = new StreamContent(submission.Body);
            foreach (var header in submission.Headers)
            {
                body.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content = body;
        }

        return client.SendAsync(request);
    }

    /// <summary>Logs in through the real login page.</summary>
    public static async Task LoginAsync(HttpClient client, string userName, string password)
    {
        var page = await GetDocumentAsync(client, "/Account/Login");
        var form = (IHtmlFormElement)page.QuerySelector("#login-form")!;
        var response = await SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Login failed with {(int)response.StatusCode}");
    }

    /// <summary>
    /// <paramref name="url"/> in the English UI: <c>culture=en</c> added to its query (before a fragment), as the
    /// English tests ask for pages, form posts and the page after a redirect.
    /// </summary>
    public static string English(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var (path, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
        return path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=en" + fragment;
    }

    /// <summary>Follows one redirect (post-redirect-get) and parses the target.</summary>
    public static async Task<IHtmlDocument> FollowRedirectAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await GetDocumentAsync(client, response.Headers.Location!.ToString());
    }
}
