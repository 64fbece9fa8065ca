using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Tests.Texts;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("Zeile eins\u000BZeile zwei", "Zeile eins\nZeile zwei")]
    [InlineData("Seite 1\u000CSeite 2", "Seite 1\nSeite 2")]
    [InlineData("a\u0000b\u0001c\u0007d\u001Fe", "abcde")]
    [InlineData("Tab\tund\r\nZeilen\numbruch", "Tab\tund\r\nZeilen\numbruch")]
    [InlineData("DEL\u007F C1\u0085\u009F Ende", "DEL C1 Ende")]
    [InlineData("Nicht\uFFFEZeichen\uFFFF", "NichtZeichen")]
    [InlineData("Emoji \uD83D\uDD12 bleibt", "Emoji \uD83D\uDD12 bleibt")]
    [InlineData("äöüß „Anführung“ € \u00A0geschützt", "äöüß „Anführung“ € \u00A0geschützt")]
    [InlineData("", "")]
    public void Clean_RemovesWhatNoOneTypes_KeepsTextLineBreaksAndPairs(string input, string expected)
    {
        Assert.Equal(expected, PlainText.Clean(input));
    }

    [Fact]
    public void Clean_UnpairedSurrogates_AreRemoved()
    {
        // Built at run time: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
        var text = "halb" + (char)0xD800 + " und " + (char)0xDC00 + "halb" + (char)0xD83D;

        Assert.Equal("halb und halb", PlainText.Clean(text));
    }

    [Fact]
    public void Clean_NothingToClean_ReturnsTheSameInstance()
    {
        var text = "Bestellung durch den Bürgermeister\nVerfügung 12/2026 \uD83D\uDD12";

        Assert.Same(text, PlainText.Clean(text));
    }
}
