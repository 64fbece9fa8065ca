namespace Grundschutz.Domain.Municipalities;

/// <summary>Population size class of a municipality, used to form peer groups for benchmarking.</summary>
public enum SizeClass
{
    /// <summary>Fewer than 5,000 inhabitants.</summary>
    Under5000 = 1,

    /// <summary>5,000 to 19,999 inhabitants.</summary>
    From5000To20000 = 2,

    /// <summary>20,000 to 99,999 inhabitants.</summary>
    From20000To100000 = 3,

    /// <summary>100,000 inhabitants or more.</summary>
    From100000 = 4,
}
