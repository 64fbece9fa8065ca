using System.Text.Json;
using Grundschutz.Domain.Texts;
using Grundschutz.Infrastructure.Importing;

namespace Grundschutz.Infrastructure.Tests.Importing;

public sealed class CatalogWarningsJsonTests
{
    [Fact]
    public void WriteThenRead_KeepsFormatsArgumentsAndNestedMessages()
    {
        MessageText[] warnings =
        [
            MessageText.Of("Die Edition des Kompendiums ist in der Datei nicht angegeben."),
            MessageText.Of("{0} IDs entsprechen nicht dem OSCAL-Token-Muster, z. B. {1}", 93, "5.1, 5.2, 5.3"),
            MessageText.Of("{0}: Eine Eigenschaft ohne Namen wurde übersprungen.", MessageText.Of("Control {0}", "A.1")),
        ];

        var read = CatalogWarningsJson.Read(CatalogWarningsJson.Write(warnings));

        Assert.Equal(warnings.Select(w => w.Format), read.Select(w => w.Format));
        Assert.Equal(warnings.Select(w => w.ToString()), read.Select(w => w.ToString()));
        Assert.Equal("Control {0}", Assert.IsType<MessageText>(read[2].Arguments[0]).Format);
    }

    /// <summary>The form of rows imported before the warnings were kept as messages: an array of German strings.</summary>
    [Fact]
    public void Read_PlainStrings_VerbatimTexts()
    {
        var read = CatalogWarningsJson.Read("""["Der Baustein X.1 hat keinen Abschnitt „Anforderungen“.", "Zweite {0} Warnung."]""");

        Assert.Equal(["Der Baustein X.1 hat keinen Abschnitt „Anforderungen“.", "Zweite {0} Warnung."], read.Select(w => w.ToString()));
        Assert.All(read, w => Assert.Equal(MessageText.VerbatimFormat, w.Format));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    public void Read_EmptyOrNull_NoWarnings(string json) => Assert.Empty(CatalogWarningsJson.Read(json));

    [Theory]
    [InlineData("{}")]
    [InlineData("[1]")]
    public void Read_NeitherTextsNorMessages_Throws(string json) => Assert.Throws<JsonException>(() => CatalogWarningsJson.Read(json));
}
