namespace Grundschutz.Domain.Scoring;

/// <summary>
/// Counts and Umsetzungsgrad of one <see cref="ScoreSlice"/> within one scope. The denominator is every
/// pair except entbehrlich (withdrawn pairs are never counted); open pairs stay in the denominator as
/// not fulfilled. Grundschutz++: <see cref="Ja"/> counts only controls umgesetzt with their whole
/// dependency closure; ja-answered controls with a missing dependency are in <see cref="JaBlockedByDependency"/>.
/// </summary>
/// <param name="Slice">The subset.</param>
/// <param name="Ja">Fulfilled pairs (value 1).</param>
/// <param name="JaBlockedByDependency">Grundschutz++: answered ja, but a required dependency is not umgesetzt (value 0).</param>
/// <param name="Teilweise">Partly fulfilled pairs (value 0 strict, τ lenient).</param>
/// <param name="Nein">Not fulfilled pairs (value 0).</param>
/// <param name="Open">Unanswered pairs (value 0, in the denominator).</param>
/// <param name="Entbehrlich">Entbehrlich pairs (excluded from the denominator).</param>
/// <param name="LenientPartialWeight">τ of the lenient view.</param>
public sealed record SliceScore(ScoreSlice Slice, int Ja, int JaBlockedByDependency, int Teilweise, int Nein, int Open, int Entbehrlich, decimal LenientPartialWeight)
{
    /// <summary>Pairs in the denominator: all but entbehrlich.</summary>
    public int Denominator => Ja + JaBlockedByDependency + Teilweise + Nein + Open;

    /// <summary>All pairs of the slice including entbehrlich.</summary>
    public int Total => Denominator + Entbehrlich;

    /// <summary>Strict Umsetzungsgrad (teilweise = 0): the default and the only one gates and Reifegrad use.</summary>
    public Ratio Strict => new(Ja, Denominator);

    /// <summary>Lenient Umsetzungsgrad (teilweise = τ, default 0.5); label it as such when shown.</summary>
    public Ratio Lenient => new(Ja + (LenientPartialWeight * Teilweise), Denominator);

    /// <summary>True when no pair is in the denominator (nothing applicable or everything entbehrlich).</summary>
    public bool IsEmpty => Denominator == 0;
}
