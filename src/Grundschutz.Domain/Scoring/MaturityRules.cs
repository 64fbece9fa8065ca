namespace Grundschutz.Domain.Scoring;

/// <summary>
/// The Reifegrad rules (BSI-Standard 200-2 Kap. 10.1.2, operationalised as in DOMAIN.md §6.1 B and
/// docs/scoring.md). Levels are cumulative: level k counts only if the criteria of 1…k all hold.
/// „Basis share“ = E_B (Kompendium) or the MUSS share with dependency closure (Grundschutz++);
/// „Standard share“ = E_BS or the normal-SdT share. Always the strict view.
/// </summary>
internal static class MaturityRules
{
    public static MaturityProfile Assess(ScoringInput input, IReadOnlyList<ScopeScore> topGroups)
    {
        var gspp = input.IsGrundschutzPlusPlus;
        var practices = new List<PracticeMaturity>();
        foreach (var practiceId in AssessmentScorer.MaturityPractices(input.Framework))
        {
            var scope = topGroups.FirstOrDefault(s => s.Id == practiceId);
            practices.Add(Assess(practiceId, scope, gspp, input.Options));
        }

        return new MaturityProfile(practices);
    }

    private static PracticeMaturity Assess(string practiceId, ScopeScore? scope, bool gspp, ScoringOptions options)
    {
        if (scope is null || scope.Pairs == 0)
        {
            return new PracticeMaturity(practiceId, null, ScoringTexts.NothingApplicable, []);
        }

        if (scope.All.Denominator == 0)
        {
            return new PracticeMaturity(practiceId, null, ScoringTexts.AllEntbehrlich, []);
        }

        var basis = gspp ? scope.Muss : scope.Basis;
        var standard = gspp ? scope.NormalSdT : scope.BasisStandard;
        var basisName = gspp ? "MUSS-Anteil" : "E_B";
        var standardName = gspp ? "normal-SdT-Anteil" : "E_BS";
        var threshold = options.MaturityLevel3StandardThreshold;
        var ownJa = scope.All.Ja + scope.All.JaBlockedByDependency;

        var level1 = scope.PlannedOpenItems > 0 || ownJa > 0;
        var text1 = $"Stufe 1 (geplant): mindestens ein offener Punkt mit Verantwortlichem und Termin oder eine mit „ja“ beantwortete Anforderung – "
            + $"{scope.PlannedOpenItems} geplant, {ownJa} mit „ja“";

        bool level2;
        string text2;
        if (basis.Denominator > 0)
        {
            level2 = basis.Ja > 0;
            text2 = $"Stufe 2 (zum Teil etabliert): {basisName} > 0 % – {ScoringTexts.Of(basis.Ja, basis.Denominator)}";
        }
        else
        {
            level2 = scope.All.Ja > 0;
            text2 = $"Stufe 2 (zum Teil etabliert): keine {(gspp ? "MUSS" : "Basis")}-Anforderung anwendbar, daher mindestens eine umgesetzte Anforderung – "
                + ScoringTexts.Of(scope.All.Ja, scope.All.Denominator);
        }

        var basisComplete = basis.Denominator == 0 || basis.Ja == basis.Denominator;
        var standardAtThreshold = standard.Denominator == 0 || standard.Ja >= threshold * standard.Denominator;
        var level3 = basisComplete && standardAtThreshold && scope.EntbehrlichWithoutJustification == 0;
        var text3 = $"Stufe 3 (voll etabliert und dokumentiert): {basisName} = 100 % ({Share(basis)}), "
            + $"{standardName} ≥ {ScoringTexts.Percent(threshold)} ({Share(standard)}), "
            + $"jede entbehrliche Anforderung begründet ({scope.EntbehrlichWithoutJustification} ohne Begründung)";

        var level4 = scope.Answered > 0 && scope.Fresh == scope.Answered;
        var text4 = $"Stufe 4 (regelmäßig überprüft): alle Antworten höchstens {options.FreshnessMonths} Monate alt – "
            + $"{ScoringTexts.Of(scope.Fresh, scope.Answered)} aktuell";

        var standardComplete = standard.Denominator == 0 || standard.Ja == standard.Denominator;
        var level5 = scope.OverdueActionItems == 0 && standardComplete;
        var text5 = $"Stufe 5 (regelmäßig verbessert): keine überfällige Maßnahme ({scope.OverdueActionItems} überfällig) "
            + $"und {standardName} = 100 % ({Share(standard)})";

        bool[] met = [level1, level2, level3, level4, level5];
        string[] texts = [text1, text2, text3, text4, text5];
        var criteria = new MaturityCriterion[5];
        var level = 0;
        var stillCumulative = true;
        for (var k = 0; k < 5; k++)
        {
            criteria[k] = new MaturityCriterion(k + 1, met[k], texts[k]);
            if (stillCumulative && met[k])
            {
                level = k + 1;
            }
            else
            {
                stillCumulative = false;
            }
        }

        return new PracticeMaturity(practiceId, level, null, criteria);
    }

    private static string Share(SliceScore slice) =>
        slice.Denominator == 0 ? "nicht anwendbar" : ScoringTexts.Of(slice.Ja, slice.Denominator);
}
