using System.Text.Json;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Tests.Texts;

public sealed class MessageTextTests
{
    [Fact]
    public void ToString_FillsTheFormatTheGermanWay_NestedMessagesInGerman()
    {
        var size = MessageText.Of("{0:0.#} MB", 1.5);
        var message = MessageText.Of("Die Datei ist größer als das Limit von {0}.", size);

        Assert.Equal("Die Datei ist größer als das Limit von 1,5 MB.", message.ToString());
        Assert.Equal("Die Datei ist größer als das Limit von {0}.", message.Format);
        Assert.Same(size, Assert.Single(message.Arguments));
    }

    [Fact]
    public void InGerman_ExceptionAsArgument_PrintsItsMessageNotItsStack()
    {
        var refusal = AssessmentRuleException.Of("Die Bewertung ist im Zustand „{0}“ schreibgeschützt.", new Term("Genehmigt"));

        var message = MessageText.Of("Befund „{0}“: {1}", "ISMS.1.A1", refusal);

        Assert.Equal("Befund „ISMS.1.A1“: Die Bewertung ist im Zustand „Genehmigt“ schreibgeschützt.", message.ToString());
    }

    [Fact]
    public void WithoutArguments_BracesStayAsTheyAre()
    {
        Assert.Equal("Erwartet wird {x}.", MessageText.Of("Erwartet wird {x}.").ToString());
    }

    [Fact]
    public void Verbatim_AndJoin_AreNotTranslatableFormats()
    {
        var joined = MessageText.Join(", ", [MessageText.Of("„{0}“", "A"), MessageText.Verbatim("{B}")]);

        Assert.Equal("{0}, {1}", joined.Format);
        Assert.Equal("„A“, {B}", joined.ToString());
        Assert.Equal(MessageText.VerbatimFormat, MessageText.Verbatim("x").Format);
    }

    [Fact]
    public void Json_RoundTrip_KeepsNumbersTermsAndNestedMessages()
    {
        var message = MessageText.Of(
            "Zeile {0} ({1}): {2} {3} {4:N2} {5}",
            12,
            "ISMS.1.A3",
            MessageText.Of("Die Datei ist größer als das Limit von {0}.", MessageText.Of("{0:0.#} MB", 1.5)),
            new Term("Entwurf"),
            1250.5m,
            long.MaxValue);

        var json = JsonSerializer.Serialize(message);
        var back = JsonSerializer.Deserialize<MessageText>(json)!;

        Assert.Equal(message.Format, back.Format);
        Assert.Equal(message.ToString(), back.ToString());
        Assert.Equal(12L, back.Arguments[0]);
        Assert.Equal("ISMS.1.A3", back.Arguments[1]);
        Assert.Equal("Die Datei ist größer als das Limit von {0}.", Assert.IsType<MessageText>(back.Arguments[2]).Format);
        Assert.Equal(new Term("Entwurf"), back.Arguments[3]);
        Assert.Equal(1250.5m, back.Arguments[4]);
        Assert.Null(JsonSerializer.Deserialize<MessageText>("null"));
    }

    [Fact]
    public void CatalogFormatException_KeepsMessageAndLocationTranslatable()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => CatalogPipeline.Read(
            new MemoryStream("{\n  \"catalog\": [\n"u8.ToArray()), "kaputt.json", [], new CatalogReadOptions()));

        Assert.Equal("Die Datei ist kein gültiges JSON.", ex.Format);
        Assert.Empty(ex.Arguments);
        Assert.Equal("Zeile {0}, Position {1}", ex.Where!.Format);
        Assert.Equal(ex.Location, ex.Where.ToString());
        Assert.All(ex.Where.Arguments, a => Assert.IsType<long>(a));
    }
}
