using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Scoring;

/// <summary>
/// Everything <see cref="AssessmentScorer.Score"/> needs, as plain immutable data: the applicable
/// requirement × target-object pairs (in questionnaire order), framework, approach, the date the
/// scores refer to and the options. Pairs outside the approach's scope must not be passed;
/// withdrawn pairs may be passed and are excluded.
/// </summary>
public sealed class ScoringInput
{
    /// <summary>Creates the input; the pair list is copied.</summary>
    /// <param name="framework">Framework of the pinned catalogue.</param>
    /// <param name="approach">The assessment's approach.</param>
    /// <param name="pairs">Applicable pairs in questionnaire order.</param>
    /// <param name="today">Reference date for freshness and overdue due dates.</param>
    /// <param name="options">Options; <see cref="ScoringOptions.Default"/> when null.</param>
    public ScoringInput(CatalogFramework framework, Approach approach, IEnumerable<ScoredPair> pairs, DateOnly today, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var list = pairs.ToArray();
        foreach (var pair in list)
        {
            ArgumentNullException.ThrowIfNull(pair, nameof(pairs));
        }

        Options = options ?? ScoringOptions.Default;
        Options.Validate();
        Framework = framework;
        Approach = approach;
        Pairs = list;
        Today = today;
    }

    /// <summary>Framework of the pinned catalogue (decides Kompendium vs. Grundschutz++ rules).</summary>
    public CatalogFramework Framework { get; }

    /// <summary>The assessment's approach.</summary>
    public Approach Approach { get; }

    /// <summary>The pairs, in questionnaire order.</summary>
    public IReadOnlyList<ScoredPair> Pairs { get; }

    /// <summary>Reference date.</summary>
    public DateOnly Today { get; }

    /// <summary>The options.</summary>
    public ScoringOptions Options { get; }

    /// <summary>True for a Grundschutz++ catalogue.</summary>
    public bool IsGrundschutzPlusPlus => Framework == CatalogFramework.GrundschutzPlusPlus;
}
