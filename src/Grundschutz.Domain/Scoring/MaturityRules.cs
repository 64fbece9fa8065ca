using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Texts;

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
        var basisName = gspp ? new Term("MUSS-Anteil") : new Term("E_B");
        var standardName = gspp ? new Term("normal-SdT-Anteil") : new Term("E_BS");
        var threshold = options.MaturityLevel3StandardThreshold;
        var ownJa = scope.All.Ja + scope.All.JaBlockedByDependency;

        var level1 = scope.PlannedOpenItems > 0 || ownJa > 0;
        var text1 = MessageText.Of(
            "Stufe 1 (geplant): mindestens ein offener Punkt mit Verantwortlichem und Termin oder eine mit „ja“ beantwortete Anforderung – {0} geplant, {1} mit „ja“",
            scope.PlannedOpenItems,
            ownJa);

        bool level2;
        MessageText text2;
        if (basis.Denominator > 0)
        {
            level2 = basis.Ja > 0;
            text2 = MessageText.Of("Stufe 2 (zum Teil etabliert): {0} > 0 % – {1}", basisName, ScoringTexts.Of(basis.Ja, basis.Denominator));
        }
        else
        {
            level2 = scope.All.Ja > 0;
            var share = ScoringTexts.Of(scope.All.Ja, scope.All.Denominator);
            text2 = gspp
                ? MessageText.Of("Stufe 2 (zum Teil etabliert): keine MUSS-Anforderung anwendbar, daher mindestens eine umgesetzte Anforderung – {0}", share)
                : MessageText.Of("Stufe 2 (zum Teil etabliert): keine Basis-Anforderung anwendbar, daher mindestens eine umgesetzte Anforderung – {0}", share);
        }

        var basisComplete = basis.Denominator == 0 || basis.Ja == basis.Denominator;
        var standardAtThreshold = standard.Denominator == 0 || standard.Ja >= threshold * standard.Denominator;
        var level3 = basisComplete && standardAtThreshold && scope.EntbehrlichWithoutJustification == 0;
        var text3 = MessageText.Of(
            "Stufe 3 (voll etabliert und dokumentiert): {0} = 100 % ({1}), {2} ≥ {3} ({4}), jede entbehrliche Anforderung begründet ({5} ohne Begründung)",
            basisName,
            Share(basis),
            standardName,
            ScoringTexts.Percent(threshold),
            Share(standard),
            scope.EntbehrlichWithoutJustification);

        var level4 = scope.Answered > 0 && scope.Fresh == scope.Answered;
        var text4 = MessageText.Of(
            "Stufe 4 (regelmäßig überprüft): alle Antworten höchstens {0} Monate alt – {1} aktuell",
            options.FreshnessMonths,
            ScoringTexts.Of(scope.Fresh, scope.Answered));

        var standardComplete = standard.Denominator == 0 || standard.Ja == standard.Denominator;
        var level5 = scope.OverdueActionItems == 0 && standardComplete;
        var text5 = MessageText.Of(
            "Stufe 5 (regelmäßig verbessert): keine überfällige Maßnahme ({0} überfällig) und {1} = 100 % ({2})",
            scope.OverdueActionItems,
            standardName,
            Share(standard));

        bool[] met = [level1, level2, level3, level4, level5];
        MessageText[] texts = [text1, text2, text3, text4, text5];
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

    private static MessageText Share(SliceScore slice) =>
        slice.Denominator == 0 ? ScoringTexts.NotApplicable() : ScoringTexts.Of(slice.Ja, slice.Denominator);
}
