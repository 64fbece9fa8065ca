using Grundschutz.Domain.Municipalities;

namespace Grundschutz.Domain.Tests.Municipalities;

public class SizeClassesTests
{
    [Theory]
    [InlineData(0, SizeClass.Under5000)]
    [InlineData(4_999, SizeClass.Under5000)]
    [InlineData(5_000, SizeClass.From5000To20000)]
    [InlineData(19_999, SizeClass.From5000To20000)]
    [InlineData(20_000, SizeClass.From20000To100000)]
    [InlineData(99_999, SizeClass.From20000To100000)]
    [InlineData(100_000, SizeClass.From100000)]
    [InlineData(3_685_265, SizeClass.From100000)]
    public void Of_Population_ReturnsClass(int population, SizeClass expected)
    {
        Assert.Equal(expected, SizeClasses.Of(population));
    }

    [Fact]
    public void Of_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SizeClasses.Of(-1));
    }

    [Theory]
    [InlineData(SizeClass.Under5000, 0, 5_000)]
    [InlineData(SizeClass.From5000To20000, 5_000, 20_000)]
    [InlineData(SizeClass.From20000To100000, 20_000, 100_000)]
    [InlineData(SizeClass.From100000, 100_000, null)]
    public void Bounds_AgreeWithOf(SizeClass sizeClass, int min, int? maxExclusive)
    {
        Assert.Equal((min, maxExclusive), SizeClasses.Bounds(sizeClass));
        Assert.Equal(sizeClass, SizeClasses.Of(min));
        if (maxExclusive is { } max)
        {
            Assert.Equal(sizeClass, SizeClasses.Of(max - 1));
            Assert.NotEqual(sizeClass, SizeClasses.Of(max));
        }
    }
}
