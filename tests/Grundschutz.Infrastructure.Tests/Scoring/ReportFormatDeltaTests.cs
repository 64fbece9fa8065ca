using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Scoring;

namespace Grundschutz.Infrastructure.Tests.Scoring;

/// <summary>The change column of the report's comparison for the gates (flags: 1 reached, 0 not reached).</summary>
public sealed class ReportFormatDeltaTests
{
    [Theory]
    [InlineData(0, 1, "jetzt erreicht")]
    [InlineData(1, 0, "nicht mehr erreicht")]
    [InlineData(1, 1, "gleich geblieben")]
    [InlineData(0, 0, "gleich geblieben")]
    public void Flag_ChangeIsNamed_AsATranslatableMessage(int before, int after, string expected)
    {
        var kpi = new KpiDelta("gate_basis", "Basis-Absicherung erreicht", KpiUnit.Flag, before, after);

        var message = ReportFormat.DeltaMessage(kpi);

        Assert.Equal(expected, ReportFormat.Delta(kpi));
        // A format of its own (the resource key), not a verbatim text that the English page would show in German.
        Assert.Equal(expected, message.Format);
        Assert.Empty(message.Arguments);
    }

    [Fact]
    public void Flag_WithoutPreviousValue_IsADash()
    {
        var kpi = new KpiDelta("gate_basis", "Basis-Absicherung erreicht", KpiUnit.Flag, null, 1);

        Assert.Equal("–", ReportFormat.Delta(kpi));
    }
}
