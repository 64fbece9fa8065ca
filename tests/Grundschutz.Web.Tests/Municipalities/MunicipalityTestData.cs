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

    /// <summary>
    /// Posts the import form as a browser would: its hidden fields (anti-forgery token) plus the file; in the English UI
    /// when <paramref name="english"/> is set (the page and the post both carry <c>culture=en</c>).
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, bool english = false)
    {
        var url = english ? Html.English("/Admin/Municipalities/Import") : "/Admin/Municipalities/Import";
        var page = await Html.GetDocumentAsync(client, url);
        var form = (IHtmlFormElement)page.QuerySelector("#import-form")!;
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden"))
        {
            body.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        body.Add(file, "Upload", fileName);
        return await client.PostAsync(url, body);
    }

    /// <summary>
    /// One GV100AD record as a UTF-8 line: blanks, with each value written at its 1-based column as in the Destatis record
    /// description (Satzart 1, Gebietsstand 3, key 11, name 23, Textkennzeichen 123, population 140).
    /// </summary>
    public static string Gv100AdRecord(params (int Column, string Value)[] fields)
    {
        var record = new char[Gv100AdReader.RecordLength];
        Array.Fill(record, ' ');
        foreach (var (column, value) in fields)
        {
            value.CopyTo(0, record, column - 1, value.Length);
        }

        return new string(record);
    }

    /// <summary>A Gemeinde record (Satzart 60) of Gebietsstand 30.11.2025 unless another is given.</summary>
    public static string Gv100AdGemeinde(string ags, string name, string textkennzeichen = "64", string population = "00000001000", string gebietsstand = "20251130") =>
        Gv100AdRecord((1, "60"), (3, gebietsstand), (11, ags + "0001"), (23, name), (123, textkennzeichen), (140, population));

    /// <summary>The lines as a file (CRLF as Destatis ships it).</summary>
    public static byte[] Gv100AdFile(params string[] lines) => System.Text.Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\r\n")));
}
