using System.Text;

using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Tests.Catalog.Oscal;

namespace Grundschutz.Domain.Tests.Catalog;

public class CatalogPipelineTests
{
    private static readonly CatalogReadOptions Small = new() { MaxBytes = 100 };

    [Fact]
    public void Read_InvalidJson_ReportsLineAndPosition()
    {
        var ex = OscalFixtures.ReadFails("invalid-json.json");

        Assert.Equal("Die Datei ist kein gültiges JSON.", ex.Message);
        // Line 4 is `    "metadata": { "title": }`; the parser stops at the closing brace (column 28).
        Assert.Equal("Zeile 4, Position 28", ex.Location);
        Assert.Equal("invalid-json.json", ex.FileName);
    }

    [Fact]
    public void Read_JsonArray_IsNoOscalModel()
    {
        var ex = OscalFixtures.ReadFails("array.json");

        Assert.Equal("Die Datei ist kein OSCAL-Katalog oder -Profil (gefunden: ein JSON-Array).", ex.Message);
        Assert.Equal("array.json", ex.FileName);
    }

    [Fact]
    public void Read_SystemSecurityPlan_NamesTheModelFound()
    {
        var ex = OscalFixtures.ReadFails("ssp.json");

        Assert.Equal("Die Datei ist kein OSCAL-Katalog oder -Profil (gefunden: „system-security-plan“).", ex.Message);
        Assert.Equal("ssp.json", ex.FileName);
    }

    [Fact]
    public void Read_MappingCollection_IsALaterFeature()
    {
        var ex = OscalFixtures.ReadFails("mapping.json");

        Assert.Equal("Mapping-Dateien werden noch nicht als Katalog importiert.", ex.Message);
    }

    [Theory]
    [InlineData("empty.json")]
    [InlineData("whitespace-only.json")]
    public void Read_EmptyFile_SaysSo(string name)
    {
        var ex = OscalFixtures.ReadFails(name);

        Assert.Equal("Die Datei ist leer.", ex.Message);
        Assert.Equal(name, ex.FileName);
    }

    [Fact]
    public void Read_NeitherJsonNorXml_SaysWhatIsExpected()
    {
        var ex = ReadFails("PK\u0003\u0004 kein Katalog", "katalog.zip");

        Assert.StartsWith("Die Datei ist weder JSON noch XML.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("katalog.zip", ex.FileName);
    }

    [Fact]
    public void Read_SeekableFileOverLimit_RefusedBeforeParsing()
    {
        Assert.True(new FileInfo(OscalFixtures.PathOf("mini-catalog.json")).Length > Small.MaxBytes);

        var ex = OscalFixtures.ReadFails("mini-catalog.json", options: Small);

        Assert.Equal("Die Datei ist größer als das Limit von 100 Bytes.", ex.Message);
        Assert.Equal("mini-catalog.json", ex.FileName);
    }

    [Fact]
    public void Read_UnseekableStreamOverLimit_StopsReadingAtTheLimit()
    {
        var inner = new MemoryStream(File.ReadAllBytes(OscalFixtures.PathOf("mini-catalog.json")));
        using var stream = new ForwardOnlyStream(inner);

        var ex = Assert.Throws<CatalogFormatException>(() => CatalogPipeline.Read(stream, "upload.json", [], Small));

        Assert.Equal("Die Datei ist größer als das Limit von 100 Bytes.", ex.Message);
        Assert.True(stream.BytesRead <= 200, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public void Read_UnseekableStreamWithinLimit_IsRead()
    {
        var bytes = File.ReadAllBytes(OscalFixtures.PathOf("mini-catalog.json"));
        using var stream = new ForwardOnlyStream(new MemoryStream(bytes));

        var doc = CatalogPipeline.Read(stream, "upload.json", [], new CatalogReadOptions { MaxBytes = bytes.Length });

        Assert.Equal(6, doc.Requirements.Count);
    }

    [Theory]
    [InlineData(CatalogReadOptions.DefaultMaxBytes, "50 MB")]
    [InlineData(1536L * 1024, "1,5 MB")]
    [InlineData(2048L, "2 KB")]
    [InlineData(100L, "100 Bytes")]
    public void FormatSize_UsesGermanUnits(long bytes, string expected)
    {
        Assert.Equal(expected, CatalogPipeline.FormatSize(bytes));
    }

    [Fact]
    public void Read_Utf8BomBeforeJson_IsSkipped()
    {
        var json = Encoding.UTF8.GetBytes(File.ReadAllText(OscalFixtures.PathOf("generic-catalog.json")));
        using var stream = new MemoryStream([0xEF, 0xBB, 0xBF, .. json]);

        var doc = CatalogPipeline.Read(stream, "bom.json", [], new CatalogReadOptions());

        Assert.Equal("Allgemeiner Katalog", doc.Title);
    }

    [Fact]
    public void Read_MissingControlId_FailsWithTitleAsLocation()
    {
        var ex = OscalFixtures.ReadFails("missing-control-id.json");

        Assert.Equal("Ein Control in der Gruppe „G“ hat keine ID (Titel „Hat keine ID“).", ex.Message);
        Assert.Equal("Control „Hat keine ID“", ex.Location);
        Assert.Equal("missing-control-id.json", ex.FileName);
    }

    [Fact]
    public void Read_DuplicateControlId_FailsWithTheId()
    {
        var ex = OscalFixtures.ReadFails("duplicate-control-id.json");

        Assert.Equal("Die ID „G.1.1“ kommt mehrfach vor.", ex.Message);
        Assert.Equal("G.1.1", ex.Location);
        Assert.Equal("duplicate-control-id.json", ex.FileName);
    }

    [Fact]
    public void Read_DuplicateGroupId_FailsWithTheId()
    {
        var ex = OscalFixtures.ReadFails("duplicate-group-id.json");

        Assert.Equal("Die Gruppen-ID „G.1“ kommt mehrfach vor.", ex.Message);
        Assert.Equal("G.1", ex.Location);
    }

    [Fact]
    public void Read_CyclicRequiredLinks_NamesTheCycle()
    {
        var ex = OscalFixtures.ReadFails("cyclic-required.json");

        Assert.Equal("Zyklische Abhängigkeit: A → B → C → A", ex.Message);
        Assert.Equal("A", ex.Location);
        Assert.Equal("cyclic-required.json", ex.FileName);
    }

    [Fact]
    public void Read_DanglingLinks_ImportsWithWarning()
    {
        var doc = OscalFixtures.Read("dangling-link.json");

        Assert.Equal(2, doc.Requirements.Count);
        Assert.Equal(["2 Verweise zeigen auf Anforderungen, die nicht im Katalog stehen, z. B. D.1 → X.9, D.2 → Y.1."], doc.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void Read_ProfileWithExclusions_IsResolved()
    {
        var doc = OscalFixtures.Read("profile-exclude.json", [OscalFixtures.Available("mini-catalog.json")]);

        Assert.Equal(CatalogFormat.OscalProfile, doc.Format);
        Assert.Equal(["ORG.1.2", "ORG.1.3", "TEC.1.1"], doc.Requirements.Select(r => r.Id));
    }

    [Fact]
    public void Read_ProfileImportingMissingCatalog_FailsWithFileName()
    {
        var ex = OscalFixtures.ReadFails("profile-missing-catalog.json", [OscalFixtures.Available("mini-catalog.json")]);

        Assert.Contains("„nicht-da-catalog.json“", ex.Message, StringComparison.Ordinal);
        Assert.Equal("profile-missing-catalog.json", ex.FileName);
    }

    [Theory]
    [InlineData("2.0.0", "Die OSCAL-Version „2.0.0“ wird nicht unterstützt (erwartet 1.x); die Datei wurde wie OSCAL 1.1 gelesen.")]
    [InlineData(null, "Die Datei gibt keine OSCAL-Version an (metadata.oscal-version); sie wurde wie OSCAL 1.1 gelesen.")]
    public void Read_OscalVersionNot1x_Warns(string? version, string expected)
    {
        var versionJson = version is null ? "" : $", \"oscal-version\": \"{version}\"";
        var json = "{ \"catalog\": { \"uuid\": \"u\", \"metadata\": { \"title\": \"T\", \"version\": \"1\"" + versionJson
            + " }, \"groups\": [ { \"id\": \"G\", \"title\": \"G\", \"controls\": [ { \"id\": \"G.1\", \"title\": \"Eins\" } ] } ] } }";

        var doc = Read(json, "version.json");

        Assert.Equal([expected], doc.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void Read_UnsupportedOscalVersion_WarningKeepsFormatAndVersion()
    {
        var json = "{ \"catalog\": { \"uuid\": \"u\", \"metadata\": { \"title\": \"T\", \"version\": \"1\", \"oscal-version\": \"2.0.0\""
            + " }, \"groups\": [ { \"id\": \"G\", \"title\": \"G\", \"controls\": [ { \"id\": \"G.1\", \"title\": \"Eins\" } ] } ] } }";

        var warning = Assert.Single(Read(json, "version.json").Warnings);

        Assert.Equal("Die OSCAL-Version „{0}“ wird nicht unterstützt (erwartet 1.x); die Datei wurde wie OSCAL 1.1 gelesen.", warning.Format);
        Assert.Equal(["2.0.0"], warning.Arguments);
    }

    [Fact]
    public void Read_WrongShape_FailsWithLocationInsteadOfCrashing()
    {
        var ex = ReadFails("{ \"catalog\": { \"metadata\": { \"title\": \"T\" }, \"groups\": [ { \"id\": \"G\", \"controls\": \"keine Liste\" } ] } }", "shape.json");

        Assert.Equal("„controls“ muss eine Liste sein.", ex.Message);
        Assert.Equal("Gruppe G", ex.Location);
        Assert.Equal("shape.json", ex.FileName);
    }

    [Fact]
    public void Read_NestingDeeperThanLimit_IsInvalidJson()
    {
        var json = "{\"catalog\":" + string.Concat(Enumerable.Repeat("[", 300)) + string.Concat(Enumerable.Repeat("]", 300)) + "}";

        var ex = ReadFails(json, "deep.json");

        Assert.Equal("Die Datei ist kein gültiges JSON.", ex.Message);
        Assert.StartsWith("Zeile 1, Position ", ex.Location, StringComparison.Ordinal);
    }

    private static CatalogDocument Read(string text, string fileName)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return CatalogPipeline.Read(stream, fileName, [], new CatalogReadOptions());
    }

    private static CatalogFormatException ReadFails(string text, string fileName) =>
        Assert.Throws<CatalogFormatException>(() => Read(text, fileName));

    /// <summary>An upload stream: no length, no seeking; counts what the pipeline pulled.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
