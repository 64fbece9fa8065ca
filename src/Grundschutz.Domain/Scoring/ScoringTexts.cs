using System.Globalization;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Scoring;

/// <summary>
/// The German wording of the scoring results (one place, so docs/scoring.md can quote it). The texts are built as
/// <see cref="MessageText"/>s (German format = resource key, figures as arguments), so that the report page can show
/// them in the reader's language; the German strings are those messages printed.
/// </summary>
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

    /// <summary>One of the fixed reasons above (<see cref="NothingApplicable"/> …) as a message.</summary>
    public static MessageText FixedMessage(string text) => text switch
    {
        NothingApplicable => MessageText.Of("keine anwendbaren Anforderungen"),
        AllEntbehrlich => MessageText.Of("keine anwendbaren Anforderungen (alle entbehrlich)"),
        StandardNotInBasisApproach => MessageText.Of("bei der Vorgehensweise Basis-Absicherung werden keine Standard-Anforderungen geprüft"),
        _ => MessageText.Verbatim(text),
    };

    /// <summary>The one-line summary of a gate, e.g. „Basis-Absicherung erreicht: nein (3 blockierende Paare)“.</summary>
    public static MessageText GateSummary(string title, bool reached, string? reason, int blockers, int accepted)
    {
        var gate = new Term(title);
        if (reached)
        {
            return accepted switch
            {
                0 => MessageText.Of("{0}: ja", gate),
                1 => MessageText.Of("{0}: ja (mit 1 begründeter Abweichung)", gate),
                _ => MessageText.Of("{0}: ja (mit {1} begründeten Abweichungen)", gate, accepted),
            };
        }

        if (reason is not null && blockers == 0)
        {
            return MessageText.Of("{0}: nein ({1})", gate, FixedMessage(reason));
        }

        if (reason is not null)
        {
            return blockers == 1
                ? MessageText.Of("{0}: nein ({1}; 1 blockierendes Paar)", gate, FixedMessage(reason))
                : MessageText.Of("{0}: nein ({1}; {2} blockierende Paare)", gate, FixedMessage(reason), blockers);
        }

        return blockers == 1
            ? MessageText.Of("{0}: nein (1 blockierendes Paar)", gate)
            : MessageText.Of("{0}: nein ({1} blockierende Paare)", gate, blockers);
    }

    public static string BlockReasons(GateBlockReason reasons, string? blockingDependencyId, int freshnessMonths) =>
        BlockReasonsMessage(reasons, blockingDependencyId, freshnessMonths).ToString();

    /// <summary>The reasons a pair blocks a gate, in flag order, joined by „; “.</summary>
    public static MessageText BlockReasonsMessage(GateBlockReason reasons, string? blockingDependencyId, int freshnessMonths)
    {
        var parts = new List<ITranslatableMessage>();
        if (reasons.HasFlag(GateBlockReason.NotAnswered))
        {
            parts.Add(MessageText.Of("unbeantwortet"));
        }

        if (reasons.HasFlag(GateBlockReason.NotFulfilled))
        {
            parts.Add(MessageText.Of("nicht umgesetzt"));
        }

        if (reasons.HasFlag(GateBlockReason.PartiallyFulfilled))
        {
            parts.Add(MessageText.Of("nur teilweise umgesetzt"));
        }

        if (reasons.HasFlag(GateBlockReason.DependencyNotFulfilled))
        {
            parts.Add(blockingDependencyId is null
                ? MessageText.Of("Voraussetzung nicht umgesetzt")
                : MessageText.Of("Voraussetzung {0} nicht umgesetzt", blockingDependencyId));
        }

        if (reasons.HasFlag(GateBlockReason.DeviationWithoutJustification))
        {
            parts.Add(MessageText.Of("SOLLTE-Abweichung ohne Begründung"));
        }

        if (reasons.HasFlag(GateBlockReason.NotJustifiable))
        {
            parts.Add(MessageText.Of("Basis-/MUSS-Anforderung, Abweichung nicht begründbar"));
        }

        if (reasons.HasFlag(GateBlockReason.EntbehrlichWithoutJustification))
        {
            // „entbehrlich“ as a term: an entry „entbehrlich ohne Begründung“ would clash with the page's „Entbehrlich ohne
            // Begründung“ (resource names ignore case).
            parts.Add(MessageText.Of("{0} ohne Begründung", new Term("entbehrlich")));
        }

        if (reasons.HasFlag(GateBlockReason.MissingAssessedOn))
        {
            parts.Add(MessageText.Of("ohne Erhebungsdatum"));
        }

        if (reasons.HasFlag(GateBlockReason.Stale))
        {
            parts.Add(freshnessMonths == 1
                ? MessageText.Of("älter als 1 Monat")
                : MessageText.Of("älter als {0} Monate", freshnessMonths));
        }

        return MessageText.Join("; ", parts);
    }

    public static string MaturityLevel(int level) => MaturityLevelMessage(level).ToString();

    /// <summary>„2 – zum Teil etabliert“: the level and its 200-2 name (a term, translated with the message).</summary>
    public static MessageText MaturityLevelMessage(int level) => level switch
    {
        0 => MessageText.Of("{0} – {1}", 0, new Term("kein ISMS, nichts geplant")),
        1 => MessageText.Of("{0} – {1}", 1, new Term("geplant, aber nicht etabliert")),
        2 => MessageText.Of("{0} – {1}", 2, new Term("zum Teil etabliert")),
        3 => MessageText.Of("{0} – {1}", 3, new Term("voll etabliert und dokumentiert")),
        4 => MessageText.Of("{0} – {1}", 4, new Term("zusätzlich regelmäßig auf Effektivität überprüft")),
        5 => MessageText.Of("{0} – {1}", 5, new Term("zusätzlich regelmäßig verbessert")),
        _ => MessageText.Verbatim(level.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>„nicht bewertet“ (a practice without pairs to assess).</summary>
    public static MessageText NotAssessed() => MessageText.Of("nicht bewertet");

    public static string Percent(decimal fraction) =>
        (fraction * 100m).ToString("0.##", German) + " %";

    /// <summary>„3 von 4“.</summary>
    public static MessageText Of(int numerator, int denominator) => MessageText.Of("{0} von {1}", numerator, denominator);

    /// <summary>„nicht anwendbar“ (a share over nothing).</summary>
    public static MessageText NotApplicable() => MessageText.Of("nicht anwendbar");
}
