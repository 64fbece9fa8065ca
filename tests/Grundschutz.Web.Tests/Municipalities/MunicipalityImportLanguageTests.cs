using System.Net;

using AngleSharp.Html.Dom;

using Grundschutz.Web.Tests.Infrastructure;

using static Grundschutz.Web.Tests.Municipalities.MunicipalityTestData;

namespace Grundschutz.Web.Tests.Municipalities;

/// <summary>
/// A refused municipality directory import in the reader's language: the reason, the line and the nested AGS message are
/// translated; the file name, line numbers and values quoted from the file stay as they are. The German UI shows the
/// German message unchanged (the CLI prints the same German text).
/// </summary>
public sealed class MunicipalityImportLanguageTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    private static readonly string Land = Gv100AdRecord((1, "10"), (3, "20251130"), (11, "05"), (23, "Nordrhein-Westfalen"));

    public static TheoryData<string, string[], string, string> Refusals => new()
    {
        {
            "gemeinden.csv", ["AGS;Name", "05315000;Köln"],
            "gemeinden.csv (line 1): Unknown record type “AG” in columns 1–2 (expected 10, 20, 30, 40, 50 or 60). Is it a GV100AD file in fixed-width format?",
            "gemeinden.csv (Zeile 1): Unbekannte Satzart „AG“ in Spalten 1–2 (erwartet 10, 20, 30, 40, 50 oder 60). Ist das eine GV100AD-Datei im Festbreitenformat?"
        },
        {
            "einwohner.txt", [Land, Gv100AdGemeinde("05111000", "Düsseldorf, Stadt", population: "0000000x615")],
            "einwohner.txt (line 2): The population “0000000x615” in columns 140–150 is not a whole number.",
            "einwohner.txt (Zeile 2): Die Bevölkerungszahl „0000000x615“ in Spalten 140–150 ist keine ganze Zahl."
        },
        {
            "ags.txt", [Land, Gv100AdGemeinde("0511100X", "Düsseldorf, Stadt")],
            "ags.txt (line 2): The official municipality key must consist of exactly 8 digits. (columns 11–18: “0511100X”)",
            "ags.txt (Zeile 2): Der Amtliche Gemeindeschlüssel muss aus genau 8 Ziffern bestehen. (Spalten 11–18: „0511100X“)"
        },
        {
            "land.txt", [Gv100AdGemeinde("20111000", "Nirgendwo")],
            "land.txt (line 1): The official municipality key starts with “20”, which is not a state code (valid: 01 to 16). (columns 11–18: “20111000”)",
            "land.txt (Zeile 1): Der Amtliche Gemeindeschlüssel beginnt mit „20“; das ist kein Landesschlüssel (gültig sind 01 bis 16). (Spalten 11–18: „20111000“)"
        },
        {
            "doppelt.txt", [Gv100AdGemeinde("05111000", "Düsseldorf, Stadt"), Land, Gv100AdGemeinde("05111000", "Düsseldorf, Stadt")],
            "doppelt.txt (line 3): The official municipality key 05111000 appears twice (first in line 1).",
            "doppelt.txt (Zeile 3): Der Amtliche Gemeindeschlüssel 05111000 kommt doppelt vor (zuerst in Zeile 1)."
        },
        {
            "stand.txt", [Land, Gv100AdGemeinde("05111000", "Düsseldorf, Stadt", gebietsstand: "20241231")],
            "stand.txt (line 2): The territorial status 31.12.2024 differs from the territorial status 30.11.2025 in line 1; a file must have a single territorial status.",
            "stand.txt (Zeile 2): Der Gebietsstand 31.12.2024 weicht vom Gebietsstand 30.11.2025 in Zeile 1 ab; eine Datei muss einen einzigen Gebietsstand haben."
        },
        {
            "nur-land.txt", [Land],
            "nur-land.txt: The file contains no municipality records (record type 60). Is it a GV100AD file?",
            "nur-land.txt: Die Datei enthält keine Gemeinde-Datensätze (Satzart 60). Ist das eine GV100AD-Datei?"
        },
        {
            "forst.txt", [Land, Gv100AdGemeinde("05111999", "Musterforst", textkennzeichen: "66", population: "00000000000")],
            "forst.txt: The file contains only unincorporated areas, no municipalities.",
            "forst.txt: Die Datei enthält nur gemeindefreie Gebiete, keine Gemeinden."
        },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Upload_Refused_MessageInTheReadersLanguage(string fileName, string[] lines, string english, string german)
    {
        var client = await factory.CreateAdminClientAsync("import-" + Path.GetFileNameWithoutExtension(fileName));
        var content = Gv100AdFile(lines);

        var inEnglish = await Html.ParseAsync(await Refused(client, fileName, content, english: true));
        var inGerman = await Html.ParseAsync(await Refused(client, fileName, content, english: false));

        Assert.Equal("en", inEnglish.DocumentElement.GetAttribute("lang"));
        Assert.Equal([english + " Nothing was saved."], Errors(inEnglish));
        Assert.Equal(["#Upload"], ErrorLinks(inEnglish));
        Assert.Equal([german + " Es wurde nichts gespeichert."], Errors(inGerman));
        Assert.Empty(await AllAsync(factory));
    }

    [Fact]
    public async Task Upload_OverTheLimit_SizeInTheReadersLanguage()
    {
        using var limited = new GrundschutzWebFactory();
        limited.Settings["MunicipalityImport:MaxFileBytes"] = "1000";
        var client = await limited.CreateAdminClientAsync();
        var content = Gv100AdFile(Land, Gv100AdGemeinde("05111000", "Düsseldorf, Stadt"), Gv100AdGemeinde("05111001", "Ratingen"), Gv100AdGemeinde("05111002", "Hilden"), Gv100AdGemeinde("05111003", "Erkrath"), Gv100AdGemeinde("05111004", "Haan"));

        var inEnglish = await Html.ParseAsync(await Refused(client, "gross.txt", content, english: true));
        var inGerman = await Html.ParseAsync(await Refused(client, "gross.txt", content, english: false));

        Assert.Equal(["gross.txt: The file is larger than the limit of 1000 bytes. Nothing was saved."], Errors(inEnglish));
        Assert.Equal(["gross.txt: Die Datei ist größer als das Limit von 1000 Bytes. Es wurde nichts gespeichert."], Errors(inGerman));
        Assert.Empty(await AllAsync(limited));
    }

    private static async Task<HttpResponseMessage> Refused(HttpClient client, string fileName, byte[] content, bool english)
    {
        var response = await UploadAsync(client, fileName, content, english);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static List<string> Errors(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#error-summary li").Select(li => li.TextContent.Trim())];

    private static List<string?> ErrorLinks(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href"))];
}
