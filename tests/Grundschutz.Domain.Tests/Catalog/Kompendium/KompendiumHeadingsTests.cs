using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Catalog.Kompendium;

namespace Grundschutz.Domain.Tests.Catalog.Kompendium;

/// <summary>The text conventions of the Kompendium: headings, role lists, modal verbs.</summary>
public class KompendiumHeadingsTests
{
    [Theory]
    [InlineData("IT-Betrieb", new[] { "IT-Betrieb" })]
    [InlineData("Vorgesetzte, Institutionsleitung", new[] { "Vorgesetzte", "Institutionsleitung" })]
    [InlineData("OT-Betrieb (Operational Technology, OT)", new[] { "OT-Betrieb (Operational Technology, OT)" })]
    [InlineData(
        "Mitarbeitende, Planende, Wartungspersonal, OT-Betrieb (Operational Technology, OT)",
        new[] { "Mitarbeitende", "Planende", "Wartungspersonal", "OT-Betrieb (Operational Technology, OT)" })]
    [InlineData("OT-Betrieb (Operational Technology, OT), IT-Betrieb", new[] { "OT-Betrieb (Operational Technology, OT)", "IT-Betrieb" })]
    [InlineData(" Benutzende ,  IT-Betrieb ,", new[] { "Benutzende", "IT-Betrieb" })]
    [InlineData("", new string[0])]
    public void SplitRoles_CommasOutsideParentheses_Split(string text, string[] expected)
    {
        Assert.Equal(expected, KompendiumHeadings.SplitRoles(text));
    }

    [Theory]
    [InlineData("Die Leitung MUSS zustimmen.", "MUSS")]
    [InlineData("Alle MÜSSEN teilnehmen.", "MUSS")]
    [InlineData("Passwörter DÜRFEN NICHT weitergegeben werden.", "MUSS")]
    [InlineData("Es DARF NUR signierte Software installiert werden.", "MUSS")]
    [InlineData("Updates DÜRFEN diese NUR nach Prüfung einspielen.", "MUSS")]
    [InlineData("Es DARF dann kein Schema-Konto genutzt werden.", "MUSS")]
    [InlineData("Es SOLLTE geprüft werden, ob sie MÜSSEN.", "MUSS")]
    [InlineData("Protokolle SOLLTEN aufbewahrt werden.", "SOLLTE")]
    [InlineData("Das SOLLTE NICHT passieren.", "SOLLTE")]
    [InlineData("Das muss man nicht, sollte man aber.", null)]
    [InlineData("Die MUSSTE-Regel gilt nicht.", null)]
    [InlineData("Diese Anforderung ist entfallen.", null)]
    public void ModalVerbOf_UpperCaseKeywords_StrongestWins(string text, string? expected)
    {
        Assert.Equal(expected, KompendiumHeadings.ModalVerbOf(text));
    }

    [Fact]
    public void ParseRequirement_FullHeading_SplitsAllParts()
    {
        var heading = KompendiumHeadings.ParseRequirement(
            "IND.1.A19 Erstellung von Datensicherungen (B) [Mitarbeitende, OT-Betrieb (Operational Technology, OT)]");

        Assert.NotNull(heading);
        Assert.Equal("IND.1.A19", heading.SourceId);
        Assert.Equal("IND.1", heading.ModuleId);
        Assert.Equal("19", heading.Number);
        Assert.False(heading.MissingDot);
        Assert.Equal("Erstellung von Datensicherungen", heading.Title);
        Assert.Equal(RequirementLevel.Basis, heading.Level);
        Assert.Equal(["Mitarbeitende", "OT-Betrieb (Operational Technology, OT)"], heading.Roles);
    }

    [Theory]
    [InlineData("ISMS.1.A14 ENTFALLEN (S)", "ISMS.1", "14", "ENTFALLEN", RequirementLevel.Standard)]
    [InlineData("OPS.2.3A22 Durchführung von Übungen (H) [Notfallbeauftragte]", "OPS.2.3", "22", "Durchführung von Übungen", RequirementLevel.Hoch)]
    [InlineData("APP.1.1.A3 Sicheres Öffnen von Dokumenten aus externen Quellen (B)", "APP.1.1", "3", "Sicheres Öffnen von Dokumenten aus externen Quellen", RequirementLevel.Basis)]
    [InlineData("SYS.1.1.A9 Einsatz von Virenschutz-Programmen (S) (Teil 2) (S)", "SYS.1.1", "9", "Einsatz von Virenschutz-Programmen (S) (Teil 2)", RequirementLevel.Standard)]
    public void ParseRequirement_Variants(string text, string module, string number, string title, RequirementLevel level)
    {
        var heading = KompendiumHeadings.ParseRequirement(text);

        Assert.NotNull(heading);
        Assert.Equal(module, heading.ModuleId);
        Assert.Equal(number, heading.Number);
        Assert.Equal(title, heading.Title);
        Assert.Equal(level, heading.Level);
    }

    [Theory]
    [InlineData("Basis-Anforderungen")]
    [InlineData("TST.1.A1 Ohne Stufe")]
    [InlineData("TST.1.A1 Falsche Stufe (X)")]
    [InlineData("G 0.1 Feuer")]
    public void ParseRequirement_NotARequirement_ReturnsNull(string text)
    {
        Assert.Null(KompendiumHeadings.ParseRequirement(text));
    }

    [Theory]
    [InlineData("ISMS.1 Sicherheitsmanagement", "ISMS.1", "Sicherheitsmanagement")]
    [InlineData("SYS.2.1 Allgemeiner Client", "SYS.2.1", "Allgemeiner Client")]
    [InlineData("OPS.1.1.2 Ordnungsgemäße IT-Administration", "OPS.1.1.2", "Ordnungsgemäße IT-Administration")]
    public void ParseModule_ModuleHeading_SplitsIdAndTitle(string text, string id, string title)
    {
        Assert.Equal((id, title), KompendiumHeadings.ParseModule(text));
    }

    [Theory]
    [InlineData("G 0.1 Feuer")]
    [InlineData("Beschreibung")]
    [InlineData("ISMS Sicherheitsmanagement")]
    [InlineData("2 Weiterführende Informationen")]
    public void ParseModule_OtherHeading_ReturnsNull(string text)
    {
        Assert.Null(KompendiumHeadings.ParseModule(text));
    }

    [Theory]
    [InlineData("Basis-Anforderungen", RequirementLevel.Basis)]
    [InlineData("Basis-Anforderung", RequirementLevel.Basis)]
    [InlineData("Standard-Anforderungen", RequirementLevel.Standard)]
    [InlineData("Anforderungen bei erhöhtem Schutzbedarf", RequirementLevel.Hoch)]
    [InlineData("Gefährdungslage", null)]
    public void LevelOfSection_KnownTitles(string title, RequirementLevel? expected)
    {
        Assert.Equal(expected, KompendiumHeadings.LevelOfSection(title));
    }

    [Theory]
    [InlineData("  a \r\n\t b\u00A0\u00A0c  ", "a b c")]
    [InlineData("Prüf\u00ADplan", "Prüf\u00ADplan")]
    [InlineData(" \r\n ", "")]
    public void CollapseWhitespace_RunsBecomeOneSpace(string text, string expected)
    {
        Assert.Equal(expected, DocBookText.CollapseWhitespace(text));
    }
}
