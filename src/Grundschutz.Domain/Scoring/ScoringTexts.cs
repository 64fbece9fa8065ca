using System.Globalization;
using System.Text;

namespace Grundschutz.Domain.Scoring;

/// <summary>The German wording of the scoring results (one place, so docs/scoring.md can quote it).</summary>
internal static class ScoringTexts
{
    public const string NothingApplicable = "keine anwendbaren Anforderungen";
    public const string AllEntbehrlich = "keine anwendbaren Anforderungen (alle entbehrlich)";
    public const string StandardNotInBasisApproach = "bei der Vorgehensweise Basis-Absicherung werden keine Standard-Anforderungen geprüft";

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string GateTitle(GateKind kind, bool grundschutzPlusPlus) => (kind, grundschutzPlusPlus) switch
    {
        (GateKind.Basis, false) => "Basis-Absicherung erreicht",
        (GateKind.Standard, false) => "Standard-Absicherung erreicht",
        (GateKind.Basis, true) => "Alle MUSS-Anforderungen umgesetzt",
        _ => "Sicherheitsniveau normal-SdT umgesetzt",
    };

    public static string BlockReasons(GateBlockReason reasons, string? blockingDependencyId, int freshnessMonths)
    {
        var text = new StringBuilder();
        void Add(string part)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(part);
        }

        if (reasons.HasFlag(GateBlockReason.NotAnswered))
        {
            Add("unbeantwortet");
        }

        if (reasons.HasFlag(GateBlockReason.NotFulfilled))
        {
            Add("nicht umgesetzt");
        }

        if (reasons.HasFlag(GateBlockReason.PartiallyFulfilled))
        {
            Add("nur teilweise umgesetzt");
        }

        if (reasons.HasFlag(GateBlockReason.DependencyNotFulfilled))
        {
            Add(blockingDependencyId is null
                ? "Voraussetzung nicht umgesetzt"
                : $"Voraussetzung {blockingDependencyId} nicht umgesetzt");
        }

        if (reasons.HasFlag(GateBlockReason.DeviationWithoutJustification))
        {
            Add("SOLLTE-Abweichung ohne Begründung");
        }

        if (reasons.HasFlag(GateBlockReason.NotJustifiable))
        {
            Add("Basis-/MUSS-Anforderung, Abweichung nicht begründbar");
        }

        if (reasons.HasFlag(GateBlockReason.EntbehrlichWithoutJustification))
        {
            Add("entbehrlich ohne Begründung");
        }

        if (reasons.HasFlag(GateBlockReason.MissingAssessedOn))
        {
            Add("ohne Erhebungsdatum");
        }

        if (reasons.HasFlag(GateBlockReason.Stale))
        {
            Add(freshnessMonths == 1 ? "älter als 1 Monat" : $"älter als {freshnessMonths} Monate");
        }

        return text.ToString();
    }

    public static string MaturityLevel(int level) => level switch
    {
        0 => "0 – kein ISMS, nichts geplant",
        1 => "1 – geplant, aber nicht etabliert",
        2 => "2 – zum Teil etabliert",
        3 => "3 – voll etabliert und dokumentiert",
        4 => "4 – zusätzlich regelmäßig auf Effektivität überprüft",
        5 => "5 – zusätzlich regelmäßig verbessert",
        _ => level.ToString(CultureInfo.InvariantCulture),
    };

    public static string Count(int count, string singular, string plural) =>
        count == 1 ? $"1 {singular}" : $"{count.ToString(CultureInfo.InvariantCulture)} {plural}";

    public static string Percent(decimal fraction) =>
        (fraction * 100m).ToString("0.##", German) + " %";

    public static string Of(int numerator, int denominator) =>
        string.Create(CultureInfo.InvariantCulture, $"{numerator} von {denominator}");
}
