namespace Grundschutz.Domain.Scoring;

/// <summary>
/// The pair changes of one requirement, counted. <see cref="Kind"/> summarises them: regressed when
/// any pair regressed (a regression must not hide behind an improvement elsewhere), else improved
/// when any pair improved, else reclassified, else new when all pairs are new, dropped when all are
/// dropped, else unchanged.
/// </summary>
/// <param name="RequirementId">The requirement.</param>
/// <param name="GroupId">Its module/topic.</param>
/// <param name="Improved">Pairs improved.</param>
/// <param name="Regressed">Pairs regressed.</param>
/// <param name="Unchanged">Pairs unchanged.</param>
/// <param name="Reclassified">Pairs reclassified.</param>
/// <param name="New">Pairs new.</param>
/// <param name="Dropped">Pairs dropped.</param>
public sealed record RequirementChange(string RequirementId, string GroupId, int Improved, int Regressed, int Unchanged, int Reclassified, int New, int Dropped)
{
    /// <summary>Summary kind (see the type description).</summary>
    public PairChangeKind Kind =>
        Regressed > 0 ? PairChangeKind.Regressed
        : Improved > 0 ? PairChangeKind.Improved
        : Reclassified > 0 ? PairChangeKind.Reclassified
        : New > 0 && Unchanged == 0 && Dropped == 0 ? PairChangeKind.New
        : Dropped > 0 && Unchanged == 0 && New == 0 ? PairChangeKind.Dropped
        : Unchanged > 0 && New == 0 && Dropped == 0 ? PairChangeKind.Unchanged
        : PairChangeKind.Reclassified;
}
