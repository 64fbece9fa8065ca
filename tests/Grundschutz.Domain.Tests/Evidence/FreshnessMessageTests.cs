using Grundschutz.Domain.Evidence;

namespace Grundschutz.Domain.Tests.Evidence;

/// <summary>The German messages, written out by hand, and the formats the translations are keyed by.</summary>
public sealed class FreshnessMessageTests
{
    [Fact]
    public void Messages_AreTheGermanTextsOfTheirFormats()
    {
        var today = new DateOnly(2026, 11, 23);
        var warnings = AuditFreshness.Evaluate(
            today,
            [new DateOnly(2025, 10, 1), new DateOnly(2025, 9, 15), new DateOnly(2026, 11, 1)],
            new LeitlinieFacts(new DateOnly(2024, 11, 1), new DateOnly(2026, 11, 1)));

        Assert.Equal(
            [
                "2 Antworten des IT-Grundschutz-Checks (A.4) sind älter als 12 Monate (älteste vom 15.09.2025); für das Audit muss A.4 innerhalb der letzten 12 Monate erhoben sein.",
                "Die Leitlinie zur Informationssicherheit (A.0.1) wurde am 01.11.2024 freigegeben und ist damit älter als 2 Jahre.",
                "Die Überprüfung der Leitlinie zur Informationssicherheit (A.0.1) war für den 01.11.2026 geplant und ist überfällig.",
            ],
            warnings.Select(w => w.Message));
        Assert.Equal(FreshnessWarning.StaleManyFormat, warnings[0].Text.Format);
        Assert.Equal([2, AuditFreshness.AnswerMonths, new DateOnly(2025, 9, 15)], warnings[0].Text.Arguments);
        Assert.Equal(FreshnessWarning.LeitlinieOldFormat, warnings[1].Text.Format);
        Assert.Equal(FreshnessWarning.ReviewOverdueFormat, warnings[2].Text.Format);

        var missing = Assert.Single(AuditFreshness.Evaluate(today, [], null));
        Assert.Equal("Es ist keine Leitlinie zur Informationssicherheit (A.0.1) hinterlegt.", missing.Message);
        Assert.Empty(missing.Text.Arguments);
    }
}
