using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Scoring;
using static Grundschutz.Domain.Tests.Scoring.Pairs;

namespace Grundschutz.Domain.Tests.Scoring;

public class MaturityTests
{
    private static readonly DateOnly Overdue = new(2026, 3, 1);

    /// <summary>
    /// ISMS practice: <paramref name="basis"/> and <paramref name="standard"/> as letters for ISMS.1 B and S requirements.
    /// </summary>
    private static ScoredPair[] Isms(string basis, string standard)
    {
        var pairs = new List<ScoredPair>();
        var n = 1;
        foreach (var c in basis)
        {
            pairs.Add(Komp($"ISMS.1.A{n++}", B, Letter(c), Verbund));
        }

        foreach (var c in standard)
        {
            pairs.Add(Komp($"ISMS.1.A{n++}", S, Letter(c), Verbund));
        }

        return [.. pairs];
    }

    private static PracticeMaturity Isms(params ScoredPair[] pairs) => Score(pairs).Maturity.Find("ISMS")!;

    private static ScoredPair[] Unplanned(ScoredPair[] pairs) =>
        [.. pairs.Select(p => p.Status is AnswerStatus.Nein or AnswerStatus.Teilweise or AnswerStatus.Open ? p with { Owner = null, DueDate = null } : p)];

    // Each level boundary: B letters, S letters, variant → level.
    // Variants: "" as built; "unplanned" strips owner/due date from open items; "stale" makes the first answer stale;
    // "planned-open" gives the open items an owner and a due date; "entbehrlich-unjustified" adds an unjustified
    // entbehrlich S pair; "overdue-h" adds an adopted H item due yesterday, "h-not-overdue" one due later.
    public static TheoryData<string, string, string, int> LevelTable() => new()
    {
        { "N", "", "unplanned", 0 },                     // nothing ja, nothing planned
        { "O", "", "unplanned", 0 },
        { "N", "", "", 1 },                              // planned: owner + due date on an open item
        { "O", "", "planned-open", 1 },
        { "JN", "", "unplanned", 2 },                    // 0 < E_B < 100 %: something done implies it was planned
        { "JN", "J", "", 2 },
        { "JJ", "JJJJN", "stale", 3 },                   // E_B = 100 %, E_BS = 6/7 ≥ 80 %, not all fresh
        { "J", "JJJN", "stale", 3 },                     // E_BS = 4/5 = 80 % exactly
        { "J", "JJN", "stale", 2 },                      // E_BS = 3/4 = 75 % < 80 %
        { "J", "JJJJ", "entbehrlich-unjustified", 2 },   // an unjustified entbehrlich keeps it below 3
        { "JJ", "JJJJN", "", 4 },                        // + all fresh; E_BS < 100 %
        { "JJ", "JJJJ", "overdue-h", 4 },                // + all fresh, E_BS = 100 %, but an overdue item
        { "JJ", "JJJJ", "", 5 },                         // + no overdue item and E_BS = 100 %
        { "JJ", "JJJJ", "h-not-overdue", 5 },            // an open H item that is not overdue does not hurt
        { "JN", "JJJJ", "", 2 },                         // cumulative: fresh etc. do not lift a Basis gap over 2
    };

    [Theory]
    [MemberData(nameof(LevelTable))]
    public void Maturity_LevelBoundaries_AsInTable(string basis, string standard, string variant, int level)
    {
        var pairs = Isms(basis, standard);
        pairs = variant switch
        {
            "unplanned" => Unplanned(pairs),
            "planned-open" => [.. pairs.Select(p => p with { Owner = "ISB", DueDate = Due })],
            "stale" => [pairs[0] with { AssessedOn = Stale }, .. pairs[1..]],
            "entbehrlich-unjustified" => [.. pairs, Komp("ISMS.1.A20", S, Entbehrlich, Verbund) with { Justification = null }],
            "overdue-h" => [.. pairs, Komp("ISMS.1.A21", H, Nein, Verbund) with { DueDate = Overdue }],
            "h-not-overdue" => [.. pairs, Komp("ISMS.1.A21", H, Nein, Verbund)],
            _ => pairs,
        };

        var practice = Isms(pairs);

        Assert.Equal(level, practice.Level);
        Assert.Equal(5, practice.Criteria.Count);
        Assert.Equal(Enumerable.Range(1, 5), practice.Criteria.Select(c => c.Level));
        Assert.All(practice.Criteria.Take(level), c => Assert.True(c.Met));
        if (level < 5)
        {
            Assert.False(practice.Criteria[level].Met);
        }
    }

    [Theory]
    [InlineData(0.8, 2)]  // 3/4 = 75 % < 80 %
    [InlineData(0.75, 3)] // 3/4 = 75 % ≥ 75 %
    public void Maturity_Level3Threshold_IsConfigurable(decimal threshold, int level)
    {
        var pairs = Isms("J", "JJN");
        pairs[0] = pairs[0] with { AssessedOn = Stale };
        var input = Kompendium(Approach.Standard, new ScoringOptions { MaturityLevel3StandardThreshold = threshold }, pairs);

        Assert.Equal(level, AssessmentScorer.Score(input).Maturity.Find("ISMS")!.Level);
    }

    [Fact]
    public void Maturity_Cumulative_HigherCriteriaMetDoNotCountAboveAFailedOne()
    {
        var practice = Isms(Isms("JN", "JJJJ"));

        Assert.Equal(2, practice.Level);
        Assert.Equal([true, true, false, true, false], practice.Criteria.Select(c => c.Met));
        Assert.Equal("2 – zum Teil etabliert", practice.LevelText);
    }

    [Fact]
    public void Maturity_CriteriaTexts_StateTheNumbers()
    {
        var practice = Isms(Isms("JJ", "JJJJN"));

        Assert.Equal(
            [
                "Stufe 1 (geplant): mindestens ein offener Punkt mit Verantwortlichem und Termin oder eine mit „ja“ beantwortete Anforderung – 1 geplant, 6 mit „ja“",
                "Stufe 2 (zum Teil etabliert): E_B > 0 % – 2 von 2",
                "Stufe 3 (voll etabliert und dokumentiert): E_B = 100 % (2 von 2), E_BS ≥ 80 % (6 von 7), jede entbehrliche Anforderung begründet (0 ohne Begründung)",
                "Stufe 4 (regelmäßig überprüft): alle Antworten höchstens 12 Monate alt – 7 von 7 aktuell",
                "Stufe 5 (regelmäßig verbessert): keine überfällige Maßnahme (0 überfällig) und E_BS = 100 % (6 von 7)",
            ],
            practice.Criteria.Select(c => c.Text));
    }

    [Fact]
    public void Maturity_PracticeWithoutPairs_IsNotAssessed()
    {
        var profile = Score(Isms("J", "")).Maturity;

        Assert.Equal(["ISMS", "ORP", "CON", "OPS", "DER"], profile.Practices.Select(p => p.PracticeId));
        var orp = profile.Find("ORP")!;
        Assert.Null(orp.Level);
        Assert.False(orp.IsAssessed);
        Assert.Equal("keine anwendbaren Anforderungen", orp.NotAssessedReason);
        Assert.Equal("nicht bewertet", orp.LevelText);
        Assert.Empty(orp.Criteria);
    }

    [Fact]
    public void Maturity_PracticeAllEntbehrlich_IsNotAssessed()
    {
        var profile = Score(Komp("ORP.1.A1", B, Entbehrlich, Verbund), Komp("ISMS.1.A1", B, Ja, Verbund)).Maturity;

        Assert.Null(profile.Find("ORP")!.Level);
        Assert.Equal("keine anwendbaren Anforderungen (alle entbehrlich)", profile.Find("ORP")!.NotAssessedReason);
    }

    [Fact]
    public void Maturity_Overall_IsTheMinimumOverAssessedPracticesWithProfileAndMedian()
    {
        var report = Score(
            [
                .. Isms("JJ", "JJJJ"),                                      // ISMS 5
                Komp("ORP.1.A1", B, Ja, Verbund), Komp("ORP.1.A2", B, Nein, Verbund), // ORP 2
                Komp("OPS.1.1.2.A1", B, Ja, Verbund) with { AssessedOn = Stale },    // OPS 3
                Komp("SYS.2.1.A1", B, Nein),                               // system layer: not a management practice
            ]);

        var profile = report.Maturity;

        Assert.Equal([5, 2, null, 3, null], profile.Practices.Select(p => p.Level));
        Assert.Equal(2, profile.Overall);
        Assert.Equal(3m, profile.Median);
        Assert.Equal(["ORP"], profile.Limiting);
        Assert.Null(profile.Find("SYS"));
    }

    [Fact]
    public void Maturity_EvenNumberOfPractices_MedianIsTheMeanOfTheMiddleTwo()
    {
        var profile = Score([.. Isms("JJ", "JJJJ"), Komp("ORP.1.A1", B, Ja, Verbund), Komp("ORP.1.A2", B, Nein, Verbund)]).Maturity;

        Assert.Equal(2, profile.Overall);
        Assert.Equal(3.5m, profile.Median);
    }

    [Fact]
    public void Maturity_NothingApplicable_OverallIsNull()
    {
        var profile = Score().Maturity;

        Assert.Null(profile.Overall);
        Assert.Null(profile.Median);
        Assert.Empty(profile.Limiting);
        Assert.All(profile.Practices, p => Assert.Null(p.Level));
    }

    [Fact]
    public void Maturity_GrundschutzPlusPlus_UsesMethodikPracticesMussShareAndClosure()
    {
        var report = ScoreGspp(
            Gspp("GC.1.1", Ja, "MUSS"),
            Gspp("GC.1.2", Nein, "MUSS"),
            Gspp("UMS.1.1", Ja, "MUSS"),
            Gspp("UMS.1.2", Ja, "SOLLTE"),
            Gspp("VRB.1.1", Ja, "MUSS").Requires("GC.1.2"),
            Gspp("BER.6.1", Nein, "SOLLTE") with { DueDate = Overdue });

        var profile = report.Maturity;

        Assert.Equal(["GC", "STM", "UMS", "VRB", "PERF", "RISK"], profile.Practices.Select(p => p.PracticeId));
        Assert.Equal([2, null, 5, 1, null, null], profile.Practices.Select(p => p.Level));
        Assert.Equal(1, profile.Overall);
        Assert.Equal(["VRB"], profile.Limiting);
        Assert.Equal("Stufe 2 (zum Teil etabliert): MUSS-Anteil > 0 % – 0 von 1", profile.Find("VRB")!.Criteria[1].Text);
    }
}
