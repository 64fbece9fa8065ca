using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Scoring;
using static Grundschutz.Domain.Tests.Scoring.Pairs;

namespace Grundschutz.Domain.Tests.Scoring;

public class GateTests
{
    [Fact]
    public void BasisGate_ListsExactlyTheBlockingPairsWithGermanReasons()
    {
        var report = Score(
            Komp("SYS.2.1.A1", B, Ja),
            Komp("SYS.2.1.A2", B, Nein),
            Komp("SYS.2.1.A3", B, Teilweise),
            Komp("SYS.2.1.A4", B, Entbehrlich) with { Justification = null },
            Komp("SYS.2.1.A5", B, Ja) with { AssessedOn = Stale },
            Komp("SYS.2.1.A6", B, Open),
            Komp("SYS.2.1.A7", B, Ja) with { AssessedOn = null },
            Komp("SYS.2.1.A8", B, Nein) with { AssessedOn = Stale },
            Komp("SYS.2.1.A9", B, Entbehrlich),
            Komp("SYS.2.1.A10", S, Nein),
            Komp("SYS.2.1.A11", B, Nein) with { Withdrawn = true });

        var gate = report.BasisGate;

        Assert.False(gate.Reached);
        Assert.Null(gate.Reason);
        Assert.Equal("Basis-Absicherung erreicht", gate.Title);
        Assert.Equal((3m, 7), gate.Compliance.Nd()); // A1, A5, A7 of A1–A9 without the entbehrlich A4, A9
        Assert.Equal(
            [
                "SYS.2.1.A2 × Server Rathaus: nicht umgesetzt",
                "SYS.2.1.A3 × Server Rathaus: nur teilweise umgesetzt",
                "SYS.2.1.A4 × Server Rathaus: entbehrlich ohne Begründung",
                "SYS.2.1.A5 × Server Rathaus: älter als 12 Monate",
                "SYS.2.1.A6 × Server Rathaus: unbeantwortet",
                "SYS.2.1.A7 × Server Rathaus: ohne Erhebungsdatum",
                "SYS.2.1.A8 × Server Rathaus: nicht umgesetzt; älter als 12 Monate",
            ],
            gate.Blockers.Select(b => b.Text));
        Assert.Equal(GateBlockReason.NotFulfilled | GateBlockReason.Stale, gate.Blockers[^1].Reasons);
        Assert.Equal("Basis-Absicherung erreicht: nein (7 blockierende Paare)", gate.Summary);
    }

    // One B pair next to a fresh ja anchor: status, justification?, assessed on (F fresh, S stale, - none) → reached, blocker text.
    public static TheoryData<AnswerStatus, bool, char, bool, string?> BasisPairTable() => new()
    {
        { AnswerStatus.Ja, false, 'F', true, null },
        { AnswerStatus.Ja, false, 'S', false, "älter als 12 Monate" },
        { AnswerStatus.Ja, false, '-', false, "ohne Erhebungsdatum" },
        { AnswerStatus.Nein, true, 'F', false, "nicht umgesetzt" },            // a Basis gap cannot be justified away
        { AnswerStatus.Teilweise, true, 'F', false, "nur teilweise umgesetzt" },
        { AnswerStatus.Entbehrlich, true, 'F', true, null },
        { AnswerStatus.Entbehrlich, false, 'F', false, "entbehrlich ohne Begründung" },
        { AnswerStatus.Entbehrlich, true, 'S', false, "älter als 12 Monate" },
        { AnswerStatus.Open, false, '-', false, "unbeantwortet" },
    };

    [Theory]
    [MemberData(nameof(BasisPairTable))]
    public void BasisGate_OnePair_ReachedOrBlockedAsInTable(AnswerStatus status, bool justified, char assessed, bool reached, string? reason)
    {
        var pair = Komp("SYS.2.1.A2", B, status) with
        {
            Justification = justified ? "Begründung liegt vor." : null,
            AssessedOn = status == AnswerStatus.Open ? null : assessed switch { 'F' => Fresh, 'S' => Stale, _ => null },
        };

        var gate = Score(Komp("SYS.2.1.A1", B, Ja), pair).BasisGate;

        Assert.Equal(reached, gate.Reached);
        Assert.Equal(reason is null ? [] : [$"SYS.2.1.A2 × Server Rathaus: {reason}"], gate.Blockers.Select(b => b.Text));
        var denominator = status == AnswerStatus.Entbehrlich ? 1 : 2;
        var ja = status == AnswerStatus.Ja ? 2 : 1;
        Assert.Equal(((decimal)ja, denominator), gate.Compliance.Nd());
    }

    [Fact]
    public void BasisGate_AllBasisJaFreshAndEntbehrlichJustified_IsReachedWhateverStandardSays()
    {
        var report = Score(
            Komp("SYS.2.1.A1", B, Ja),
            Komp("SYS.2.1.A2", B, Entbehrlich),
            Komp("SYS.2.1.A1", B, Ja, Clients),
            Komp("SYS.2.1.A3", S, Nein) with { Justification = null },
            Komp("SYS.2.1.A4", H, Open));

        Assert.True(report.BasisGate.Reached);
        Assert.Equal((2m, 2), report.BasisGate.Compliance.Nd());
        Assert.Empty(report.BasisGate.Blockers);
        Assert.Equal("Basis-Absicherung erreicht: ja", report.BasisGate.Summary);
        Assert.False(report.StandardGate.Reached);
    }

    [Fact]
    public void Gates_NothingApplicable_NotReachedWithReason()
    {
        var report = Score();

        Assert.False(report.BasisGate.Reached);
        Assert.Equal("keine anwendbaren Anforderungen", report.BasisGate.Reason);
        Assert.Equal((0m, 0), report.BasisGate.Compliance.Nd());
        Assert.Empty(report.BasisGate.Blockers);
        Assert.False(report.StandardGate.Reached);
        Assert.Equal("keine anwendbaren Anforderungen", report.StandardGate.Reason);
        Assert.Equal("Basis-Absicherung erreicht: nein (keine anwendbaren Anforderungen)", report.BasisGate.Summary);
    }

    [Fact]
    public void BasisGate_EverythingEntbehrlich_NotReachedAndUnjustifiedOnesAreListed()
    {
        var report = Score(
            Komp("SYS.2.1.A1", B, Entbehrlich),
            Komp("SYS.2.1.A2", B, Entbehrlich) with { Justification = null },
            Komp("SYS.2.1.A3", B, Entbehrlich, Clients));

        var gate = report.BasisGate;

        Assert.False(gate.Reached);
        Assert.Equal("keine anwendbaren Anforderungen (alle entbehrlich)", gate.Reason);
        Assert.Equal((0m, 0), gate.Compliance.Nd());
        Assert.Null(gate.Compliance.Value);
        Assert.Equal(["SYS.2.1.A2 × Server Rathaus: entbehrlich ohne Begründung"], gate.Blockers.Select(b => b.Text));
        Assert.Equal(
            "Basis-Absicherung erreicht: nein (keine anwendbaren Anforderungen (alle entbehrlich); 1 blockierendes Paar)",
            gate.Summary);
    }

    [Fact]
    public void BasisGate_EverythingEntbehrlichAndJustified_StillNotReached()
    {
        var gate = Score(Komp("SYS.2.1.A1", B, Entbehrlich)).BasisGate;

        Assert.False(gate.Reached);
        Assert.Equal("keine anwendbaren Anforderungen (alle entbehrlich)", gate.Reason);
        Assert.Empty(gate.Blockers);
    }

    // One S pair next to a fresh B ja anchor: status, justified?, modal verb, stale? →
    // reached, accepted deviations, blocker text (null = none), E_BS (ja, denominator).
    public static TheoryData<AnswerStatus, bool, string, bool, bool, int, string?, int, int> StandardPairTable() => new()
    {
        { AnswerStatus.Ja, false, "SOLLTE", false, true, 0, null, 2, 2 },
        { AnswerStatus.Nein, true, "SOLLTE", false, true, 1, null, 1, 2 },
        { AnswerStatus.Teilweise, true, "SOLLTE", false, true, 1, null, 1, 2 },
        { AnswerStatus.Nein, false, "SOLLTE", false, false, 0, "nicht umgesetzt; SOLLTE-Abweichung ohne Begründung", 1, 2 },
        { AnswerStatus.Teilweise, false, "SOLLTE", false, false, 0, "nur teilweise umgesetzt; SOLLTE-Abweichung ohne Begründung", 1, 2 },
        { AnswerStatus.Nein, true, "MUSS", false, false, 0, "nicht umgesetzt; Basis-/MUSS-Anforderung, Abweichung nicht begründbar", 1, 2 },
        { AnswerStatus.Nein, false, "MUSS", false, false, 0, "nicht umgesetzt", 1, 2 },
        { AnswerStatus.Nein, true, "SOLLTE", true, false, 1, "älter als 12 Monate", 1, 2 },
        { AnswerStatus.Open, false, "SOLLTE", false, false, 0, "unbeantwortet", 1, 2 },
        { AnswerStatus.Entbehrlich, false, "SOLLTE", false, false, 0, "entbehrlich ohne Begründung", 1, 1 },
        { AnswerStatus.Entbehrlich, true, "SOLLTE", false, true, 0, null, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(StandardPairTable))]
    public void StandardGate_OneStandardPair_AsInTable(AnswerStatus status, bool justified, string modalVerb, bool stale, bool reached, int accepted, string? reason, int ja, int denominator)
    {
        var pair = Komp("SYS.2.1.A2", S, status) with
        {
            ModalVerb = modalVerb,
            Justification = justified ? "Risiko bewertet, Ersatzmaßnahme aktiv." : null,
            AssessedOn = status == AnswerStatus.Open ? null : stale ? Stale : Fresh,
        };

        var report = Score(Komp("SYS.2.1.A1", B, Ja), pair);
        var gate = report.StandardGate;

        Assert.Equal("Standard-Absicherung erreicht", gate.Title);
        Assert.Equal(reached, gate.Reached);
        Assert.Equal(accepted, gate.AcceptedDeviations.Count);
        Assert.Equal(reason is null ? [] : [$"SYS.2.1.A2 × Server Rathaus: {reason}"], gate.Blockers.Select(b => b.Text));
        Assert.Equal(((decimal)ja, denominator), gate.Compliance.Nd());
        Assert.Equal(gate.Compliance, report.Overall.BasisStandard.Strict);
    }

    [Fact]
    public void StandardGate_JustifiedSollteDeviations_ReachedWhileEbsStaysBelowHundred()
    {
        var report = Score(
            Komp("SYS.2.1.A1", B, Ja),
            Komp("SYS.2.1.A2", S, Nein) with { Justification = "Alternative: Netztrennung." },
            Komp("SYS.2.1.A3", S, Teilweise) with { Justification = "Rest 2027, Risiko übernommen." },
            Komp("SYS.2.1.A4", S, Ja));

        var gate = report.StandardGate;

        Assert.True(gate.Reached);
        Assert.Equal((2m, 4), gate.Compliance.Nd());
        Assert.Equal(["SYS.2.1.A2", "SYS.2.1.A3"], gate.AcceptedDeviations.Select(p => p.RequirementId));
        Assert.Equal("Standard-Absicherung erreicht: ja (mit 2 begründeten Abweichungen)", gate.Summary);
    }

    [Fact]
    public void StandardGate_BasisGapWithJustification_BlocksBothGates()
    {
        var report = Score(
            Komp("SYS.2.1.A1", B, Nein) with { Justification = "Kein Budget." },
            Komp("SYS.2.1.A2", S, Ja));

        Assert.Equal(["SYS.2.1.A1 × Server Rathaus: nicht umgesetzt"], report.BasisGate.Blockers.Select(b => b.Text));
        Assert.Equal(
            ["SYS.2.1.A1 × Server Rathaus: nicht umgesetzt; Basis-/MUSS-Anforderung, Abweichung nicht begründbar"],
            report.StandardGate.Blockers.Select(b => b.Text));
        Assert.Equal((1m, 2), report.StandardGate.Compliance.Nd());
    }

    [Fact]
    public void StandardGate_AdoptedHGaps_DoNotBlock()
    {
        var report = Score(
            Komp("SYS.2.1.A1", B, Ja),
            Komp("SYS.2.1.A2", S, Ja),
            Komp("SYS.2.1.A3", H, Nein) with { Justification = null });

        Assert.True(report.StandardGate.Reached);
        Assert.Equal((2m, 2), report.StandardGate.Compliance.Nd());
        Assert.Equal((0m, 1), report.Overall.Hoch.Strict.Nd());
    }

    [Fact]
    public void StandardGate_BasisApproach_IsNotEvaluated()
    {
        var report = AssessmentScorer.Score(Kompendium(Approach.Basis, null, Komp("SYS.2.1.A1", B, Ja)));

        Assert.True(report.BasisGate.Reached);
        Assert.False(report.StandardGate.Reached);
        Assert.Equal("bei der Vorgehensweise Basis-Absicherung werden keine Standard-Anforderungen geprüft", report.StandardGate.Reason);
        Assert.Empty(report.StandardGate.Blockers);
        Assert.Equal((0m, 0), report.StandardGate.Compliance.Nd());
    }

    [Fact]
    public void Gates_GrundschutzPlusPlus_MussAndNormalSdTWithDependencies()
    {
        var report = ScoreGspp(
            Gspp("GC.1.1", Ja, "MUSS"),
            Gspp("GC.1.2", Nein, "SOLLTE") with { Justification = "Ausnahme genehmigt (UMS.5.1)." },
            Gspp("BER.6.1", Ja, "SOLLTE").Requires("GC.1.2"),
            Gspp("BER.6.3", Nein, "KANN", ApproachRules.SecLevelErhoeht) with { Justification = null });

        Assert.Equal("Alle MUSS-Anforderungen umgesetzt", report.BasisGate.Title);
        Assert.True(report.BasisGate.Reached);
        Assert.Equal((1m, 1), report.BasisGate.Compliance.Nd());
        var standard = report.StandardGate;
        Assert.Equal("Sicherheitsniveau normal-SdT umgesetzt", standard.Title);
        Assert.False(standard.Reached);
        Assert.Equal((1m, 3), standard.Compliance.Nd());
        Assert.Equal(["GC.1.2"], standard.AcceptedDeviations.Select(p => p.RequirementId));
        Assert.Equal(
            ["BER.6.1 × Informationsverbund: Voraussetzung GC.1.2 nicht umgesetzt; SOLLTE-Abweichung ohne Begründung"],
            standard.Blockers.Select(b => b.Text));
        Assert.Equal("GC.1.2", standard.Blockers[0].BlockingDependencyId);
    }

    [Fact]
    public void BasisGate_GrundschutzPlusPlus_MussControlBlockedByItsDependency()
    {
        var report = ScoreGspp(
            Gspp("GC.1.1", Ja, "MUSS").Requires("GC.1.2"),
            Gspp("GC.1.2", Nein, "SOLLTE") with { Justification = "Ausnahme genehmigt." });

        Assert.False(report.BasisGate.Reached);
        Assert.Equal((0m, 1), report.BasisGate.Compliance.Nd());
        Assert.Equal(["GC.1.1 × Informationsverbund: Voraussetzung GC.1.2 nicht umgesetzt"], report.BasisGate.Blockers.Select(b => b.Text));
    }
}
