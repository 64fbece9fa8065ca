using Grundschutz.Domain.Benchmarking;

namespace Grundschutz.Domain.Tests.Benchmarking;

public sealed class AnonymityRuleTests
{
    [Theory]
    [InlineData(5, 4, true)]
    [InlineData(5, 5, false)]
    [InlineData(5, 0, true)]
    [InlineData(3, 3, false)]
    [InlineData(3, 2, true)]
    public void IsSuppressed_GroupBelowK_True(int k, int groupSize, bool suppressed)
    {
        Assert.Equal(suppressed, new AnonymityRule(k).IsSuppressed(groupSize));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Constructor_KBelowTwo_RaisedToTwo(int k)
    {
        var rule = new AnonymityRule(k);

        Assert.Equal(2, rule.MinGroupSize);
        Assert.True(rule.IsSuppressed(1));
    }

    [Fact]
    public void Describe_FourValuesWithKFive_Suppressed()
    {
        var rule = new AnonymityRule(5);

        Assert.Null(rule.Describe([0.1m, 0.2m, 0.3m, 0.4m]));
        Assert.Null(rule.PercentileRank([0.1m, 0.2m, 0.3m, 0.4m], 0.2m));
    }

    [Fact]
    public void Describe_FiveValuesWithKFive_Shown()
    {
        var rule = new AnonymityRule(5);

        var box = rule.Describe([0.1m, 0.2m, 0.3m, 0.4m, 0.5m]);

        Assert.Equal(new BoxStatistics(5, 0.1m, 0.2m, 0.3m, 0.4m, 0.5m), box);
        Assert.Equal(30m, rule.PercentileRank([0.1m, 0.2m, 0.3m, 0.4m, 0.5m], 0.2m));
    }

    [Fact]
    public void Explanation_NamesGroupSizeAndK()
    {
        var text = new AnonymityRule(5).Explanation(4);

        Assert.Contains("nur 4 Kommunen", text, StringComparison.Ordinal);
        Assert.Contains("mindestens 5", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Suppress_OneMunicipality_Singular_OthersPlural_FormatsAreTheTranslationKeys()
    {
        var rule = new AnonymityRule(5);

        Assert.Equal("Unterdrückt: nur 1 Kommune in der Gruppe, mindestens 5 nötig (Schutz vor Rückschlüssen auf einzelne Kommunen).", rule.Explanation(1));
        Assert.Equal("Unterdrückt: nur 2 Kommunen in der Gruppe, mindestens 5 nötig (Schutz vor Rückschlüssen auf einzelne Kommunen).", rule.Explanation(2));
        Assert.Equal("Kein Wert: Für keine Kommune der Gruppe liegt diese Kennzahl vor.", rule.Explanation(0));
        Assert.Equal(Suppression.NoneFormat, rule.Suppress(0).Text.Format);
        Assert.Equal(Suppression.OneFormat, rule.Suppress(1).Text.Format);
        Assert.Equal([5], rule.Suppress(1).Text.Arguments);
        Assert.Equal(Suppression.ManyFormat, rule.Suppress(3).Text.Format);
        Assert.Equal([3, 5], rule.Suppress(3).Text.Arguments);
    }
}
