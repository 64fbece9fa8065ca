using Grundschutz.Domain.Municipalities;

namespace Grundschutz.Domain.Tests.Municipalities;

public class AgsTests
{
    [Theory]
    [InlineData("05315000", AgsError.None)]
    [InlineData("01001000", AgsError.None)]
    [InlineData("16077052", AgsError.None)]
    [InlineData(" 11000000 ", AgsError.None)]
    [InlineData("00123456", AgsError.UnknownLand)]
    [InlineData("17000000", AgsError.UnknownLand)]
    [InlineData("99999999", AgsError.UnknownLand)]
    [InlineData("0531500", AgsError.NotEightDigits)]
    [InlineData("053150001", AgsError.NotEightDigits)]
    [InlineData("05 315 000", AgsError.NotEightDigits)]
    [InlineData("0531500A", AgsError.NotEightDigits)]
    [InlineData("０５３１５０００", AgsError.NotEightDigits)] // full-width digits are not ASCII digits
    [InlineData("", AgsError.NotEightDigits)]
    [InlineData("   ", AgsError.NotEightDigits)]
    [InlineData(null, AgsError.NotEightDigits)]
    public void Validate_Table_ReturnsExpectedError(string? value, AgsError expected)
    {
        Assert.Equal(expected, Ags.Validate(value));
        Assert.Equal(expected == AgsError.None, Ags.TryParse(value, out _, out _));
    }

    [Fact]
    public void Parse_Koeln_SplitsIntoParts()
    {
        var ags = Ags.Parse("05315000");

        Assert.Equal("05315000", ags.Value);
        Assert.Equal("05", ags.LandCode);
        Assert.Equal("3", ags.RegierungsbezirkCode);
        Assert.Equal("15", ags.KreisCode);
        Assert.Equal("05315", ags.KreisKey);
        Assert.Equal("000", ags.GemeindeCode);
        Assert.Equal("Nordrhein-Westfalen", ags.Land.Name);
        Assert.Equal("05315000", ags.ToString());
    }

    [Fact]
    public void Parse_SurroundingWhiteSpace_IsTrimmed()
    {
        Assert.Equal(Ags.Parse("11000000"), Ags.Parse(" 11000000\t"));
    }

    [Fact]
    public void TryParse_WrongLength_GivesTheGermanMessage()
    {
        Assert.False(Ags.TryParse("1234", out var ags, out var error));

        Assert.Null(ags);
        Assert.Equal("Der Amtliche Gemeindeschlüssel muss aus genau 8 Ziffern bestehen.", error);
    }

    [Fact]
    public void TryParse_UnknownLand_NamesTheCode()
    {
        Assert.False(Ags.TryParse("17001000", out _, out var error));

        Assert.Equal("Der Amtliche Gemeindeschlüssel beginnt mit „17“; das ist kein Landesschlüssel (gültig sind 01 bis 16).", error);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithTheMessage()
    {
        var ex = Assert.Throws<FormatException>(() => Ags.Parse("abc"));

        Assert.Equal(Ags.NotEightDigitsMessage, ex.Message);
    }
}
