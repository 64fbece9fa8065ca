using Grundschutz.Domain.Municipalities;

namespace Grundschutz.Domain.Tests.Municipalities;

public class LandTests
{
    [Theory]
    [InlineData("01", "Schleswig-Holstein")]
    [InlineData("02", "Hamburg")]
    [InlineData("05", "Nordrhein-Westfalen")]
    [InlineData("08", "Baden-Württemberg")]
    [InlineData("11", "Berlin")]
    [InlineData("13", "Mecklenburg-Vorpommern")]
    [InlineData("16", "Thüringen")]
    public void FromCode_KnownCode_ReturnsName(string code, string name)
    {
        Assert.Equal(name, Land.FromCode(code).Name);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("17")]
    [InlineData("5")]
    [InlineData("005")]
    [InlineData("ab")]
    [InlineData("")]
    [InlineData(null)]
    public void TryFromCode_UnknownCode_ReturnsFalse(string? code)
    {
        Assert.False(Land.TryFromCode(code, out var land));
        Assert.Null(land);
    }

    [Fact]
    public void All_HasSixteenLaenderInCodeOrder()
    {
        Assert.Equal(16, Land.All.Count);
        Assert.Equal(Enumerable.Range(1, 16).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), Land.All.Select(l => l.Code));
    }

    [Fact]
    public void FromCode_Unknown_Throws()
    {
        Assert.Throws<ArgumentException>(() => Land.FromCode("17"));
    }
}
