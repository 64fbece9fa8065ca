namespace Grundschutz.Domain.Scoring;

/// <summary>
/// The Realisierungsplan: every teilweise/nein pair, ranked (see docs/scoring.md §Realisierungsplan),
/// plus — separately, not as plan items — the unanswered pairs.
/// </summary>
/// <param name="Items">Plan items in rank order.</param>
/// <param name="Unanswered">Open pairs, in input order; they need an answer first and are not plan items.</param>
public sealed record ActionPlan(IReadOnlyList<ActionPlanItem> Items, IReadOnlyList<ScoredPair> Unanswered)
{
    /// <summary>Items whose due date has passed.</summary>
    public int Overdue => Items.Count(i => i.IsOverdue);

    /// <summary>Items without an owner.</summary>
    public int MissingOwner => Items.Count(i => i.MissingOwner);

    /// <summary>Items without a due date.</summary>
    public int MissingDueDate => Items.Count(i => i.MissingDueDate);

    /// <summary>Sum of the known cost estimates.</summary>
    public decimal KnownCost => Items.Sum(i => i.CostEstimate ?? 0m);

    /// <summary>Items without a cost estimate (so <see cref="KnownCost"/> is a lower bound when &gt; 0).</summary>
    public int MissingCost => Items.Count(i => i.CostEstimate is null);
}
