using System.Net.Http.Headers;

using AngleSharp.Html.Dom;

using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.TestSupport;
using Grundschutz.Web.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Municipalities;

/// <summary>Builders and helpers shared by the municipality tests.</summary>
internal static class MunicipalityTestData
{
    /// <summary>The made-up GV100AD fixture of the Domain tests: 5 Gemeinden and 2 gemeindefreie Gebiete.</summary>
    public static string FixturePath => SharedFiles.InRepository("tests/Grundschutz.Domain.Tests/Fixtures/Municipalities/gv100ad-mini.txt");

    public static async Task<Municipality> AddAsync(
        GrundschutzWebFactory factory, string ags, string name, int? population = 1000,
        MunicipalityType type = MunicipalityType.Gemeinde, string source = Municipality.ManualSource)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var municipality = new Municipality
        {
            Population = population,
            Type = type,
            Source = source,
            CreatedAt = factory.Time.GetUtcNow(),
            UpdatedAt = factory.Time.GetUtcNow(),
        };
        municipality.SetAgs(Ags.Parse(ags));
        municipality.SetName(name);
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        return municipality;
    }

    public static async Task<List<Municipality>> AllAsync(GrundschutzWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().Municipalities.AsNoTracking().OrderBy(m => m.Ags).ToListAsync();
    }

    /// <summary>Posts the import form as a browser would: its hidden fields (anti-forgery token) plus the file.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var page = await Html.GetDocumentAsync(client, "/Admin/Municipalities/Import");
        var form = (IHtmlFormElement)page.QuerySelector("#import-form")!;
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden"))
        {
            body.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        body.Add(file, "Upload", fileName);
        return await client.PostAsync("/Admin/Municipalities/Import", body);
    }
}
