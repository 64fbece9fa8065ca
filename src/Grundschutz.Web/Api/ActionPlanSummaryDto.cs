using Grundschutz.Domain.Scoring;

namespace Grundschutz.Web.Api;

/// <summary>The Realisierungsplan (A.6) in numbers; the items themselves are in the A.6 export.</summary>
/// <param name="Items">Entries: pairs with status teilweise or nein.</param>
/// <param name="Overdue">Entries whose „Umsetzung bis“ lies before the reference date.</param>
/// <param name="MissingOwner">Entries without an owner.</param>
/// <param name="MissingDueDate">Entries without a due date.</param>
/// <param name="KnownCost">Sum of the known cost estimates in euros (a lower bound when <paramref name="MissingCost"/> &gt; 0).</param>
/// <param name="MissingCost">Entries without a cost estimate.</param>
/// <param name="Unanswered">Open pairs (not plan entries; they need an answer first).</param>
public sealed record ActionPlanSummaryDto(int Items, int Overdue, int MissingOwner, int MissingDueDate, decimal KnownCost, int MissingCost, int Unanswered)
{
    public static ActionPlanSummaryDto From(ActionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new ActionPlanSummaryDto(plan.Items.Count, plan.Overdue, plan.MissingOwner, plan.MissingDueDate, plan.KnownCost, plan.MissingCost, plan.Unanswered.Count);
    }
}
