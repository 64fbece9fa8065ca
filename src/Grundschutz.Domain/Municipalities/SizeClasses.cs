namespace Grundschutz.Domain.Municipalities;

/// <summary>Maps a population to its <see cref="SizeClass"/>; the lower bound of each class is inclusive.</summary>
public static class SizeClasses
{
    /// <summary>The size class of a municipality with <paramref name="population"/> inhabitants.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The population is negative.</exception>
    public static SizeClass Of(int population)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        return population switch
        {
            < 5_000 => SizeClass.Under5000,
            < 20_000 => SizeClass.From5000To20000,
            < 100_000 => SizeClass.From20000To100000,
            _ => SizeClass.From100000,
        };
    }

    /// <summary>Inclusive minimum and exclusive maximum (null = open) of <paramref name="sizeClass"/>, for queries.</summary>
    public static (int Min, int? MaxExclusive) Bounds(SizeClass sizeClass) => sizeClass switch
    {
        SizeClass.Under5000 => (0, 5_000),
        SizeClass.From5000To20000 => (5_000, 20_000),
        SizeClass.From20000To100000 => (20_000, 100_000),
        SizeClass.From100000 => (100_000, null),
        _ => throw new ArgumentOutOfRangeException(nameof(sizeClass), sizeClass, null),
    };
}
