using System.Text.Json;
using System.Text.Json.Nodes;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Oscal;

namespace Grundschutz.Infrastructure.Tests.Oscal;

/// <summary>The OSCAL exports validated against the official NIST 1.1.3 schemas, on the official catalogues.</summary>
public sealed class OscalExportSchemaTests
{
    [SkippableFact]
    public async Task AssessmentResults_Kompendium_ValidatesAgainstNistSchema()
    {
        var context = OscalTestData.Context(OscalTestData.Kompendium);
        var source = OscalTestData.Source(OscalTestData.KompendiumAssessment(context), context, OscalTestData.Kompendium);
        var json = OscalTestData.Write(AssessmentResultsWriter.Write, source);

        var errors = await new OscalSchemaValidator(OscalTestData.SchemaDirectory).ValidateAsync(json, OscalSchemaKind.AssessmentResults);

        Assert.Empty(errors);
        var findings = JsonNode.Parse(json)!["assessment-results"]!["results"]![0]!["findings"]!.AsArray();
        Assert.Equal(source.Report.Input.Pairs.Count, findings.Count);
    }

    [SkippableFact]
    public async Task AssessmentResults_GrundschutzPlusPlus_ValidatesAndUsesBinaryStatus()
    {
        var context = OscalTestData.Context(OscalTestData.Methodik);
        var source = OscalTestData.Source(OscalTestData.MethodikAssessment(context), context, OscalTestData.Methodik);
        var json = OscalTestData.Write(AssessmentResultsWriter.Write, source);

        Assert.Empty(await new OscalSchemaValidator(OscalTestData.SchemaDirectory).ValidateAsync(json, OscalSchemaKind.AssessmentResults));
        var statuses = Findings(json).Select(f => Prop(f, OscalNames.Status)).ToList();
        Assert.Contains("umgesetzt", statuses);
        Assert.Contains("nicht-umgesetzt", statuses);
        Assert.DoesNotContain("ja", statuses);
    }

    [SkippableFact]
    public async Task Poam_Kompendium_ValidatesAndHasOneItemPerPlanEntry()
    {
        var context = OscalTestData.Context(OscalTestData.Kompendium);
        var source = OscalTestData.Source(OscalTestData.KompendiumAssessment(context), context, OscalTestData.Kompendium);
        var json = OscalTestData.Write(PoamWriter.Write, source);

        Assert.Empty(await new OscalSchemaValidator(OscalTestData.SchemaDirectory).ValidateAsync(json, OscalSchemaKind.Poam));
        var items = JsonNode.Parse(json)!["plan-of-action-and-milestones"]!["poam-items"]!.AsArray();
        // Hand count: ISMS.1.A2 nein and ISMS.1.A3 teilweise are the only unmet pairs.
        Assert.Equal(2, items.Count);
        Assert.Equal(2, source.Report.ActionPlan.Items.Count);
        var a2 = items.Single(i => Prop(i!, OscalNames.Requirement) == "ISMS.1.A2")!;
        Assert.Equal("IT-Leitung", Prop(a2, OscalNames.Owner));
        Assert.Equal("2026-12-31", Prop(a2, OscalNames.DueDate));
        Assert.Equal("1500.50", Prop(a2, OscalNames.CostEstimate));
        Assert.Equal("ISMS.1", Prop(a2, OscalNames.Module));
        Assert.Equal("false", Prop(a2, OscalNames.Overdue));
        var a3 = items.Single(i => Prop(i!, OscalNames.Requirement) == "ISMS.1.A3")!;
        Assert.Equal("true", Prop(a3, OscalNames.Overdue)); // due 01.11.2026, today 23.11.2026
        Assert.Equal(OscalTestData.Hyperlink, a3["description"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Poam_EmptyPlan_StillValid()
    {
        var context = OscalTestData.Context(OscalTestData.Kompendium);
        var assessment = Assessment.Create(1, 7, Domain.Catalog.CatalogFramework.ItGrundschutz, Approach.Basis, "Leer", "isb-1", OscalTestData.Now);
        var json = OscalTestData.Write(PoamWriter.Write, OscalTestData.Source(assessment, context, OscalTestData.Kompendium));

        Assert.Empty(await new OscalSchemaValidator(OscalTestData.SchemaDirectory).ValidateAsync(json, OscalSchemaKind.Poam));
        Assert.Empty(await new OscalSchemaValidator(OscalTestData.SchemaDirectory).ValidateAsync(
            OscalTestData.Write(AssessmentResultsWriter.Write, OscalTestData.Source(assessment, context, OscalTestData.Kompendium)), OscalSchemaKind.AssessmentResults));
    }

    [SkippableFact]
    public void AssessmentResults_HostileText_IsCarriedAsData()
    {
        var context = OscalTestData.Context(OscalTestData.Kompendium);
        var source = OscalTestData.Source(OscalTestData.KompendiumAssessment(context), context, OscalTestData.Kompendium);
        var json = OscalTestData.Write(AssessmentResultsWriter.Write, source);

        var findings = Findings(json).ToList();
        var a2 = findings.Single(f => f["target"]!["target-id"]!.GetValue<string>() == "ISMS.1.A2");
        var a3 = findings.Single(f => f["target"]!["target-id"]!.GetValue<string>() == "ISMS.1.A3");
        Assert.Equal(OscalTestData.Script, a2["remarks"]!.GetValue<string>());
        Assert.Equal(OscalTestData.ImgOnError, a3["remarks"]!.GetValue<string>());
        Assert.Equal(OscalTestData.Hyperlink, a3["target"]!["description"]!.GetValue<string>());
        Assert.Equal("=Owner", Prop(a3, OscalNames.Owner));
        Assert.Equal("not-satisfied", a2["target"]!["status"]!["state"]!.GetValue<string>());
        Assert.Equal("nein", Prop(a2, OscalNames.Status));
        Assert.Equal("2026-10-02", Prop(a2, OscalNames.AssessedOn));
    }

    [SkippableFact]
    public void AssessmentResults_Reexport_HasSameUuids()
    {
        var context = OscalTestData.Context(OscalTestData.Kompendium);
        var assessment = OscalTestData.KompendiumAssessment(context);
        var first = OscalTestData.Write(AssessmentResultsWriter.Write, OscalTestData.Source(assessment, context, OscalTestData.Kompendium));
        var second = OscalTestData.Write(AssessmentResultsWriter.Write, OscalTestData.Source(assessment, context, OscalTestData.Kompendium));

        Assert.Equal(first, second);
        var uuids = Findings(first).Select(f => f["uuid"]!.GetValue<string>()).ToList();
        Assert.Equal(uuids.Count, uuids.Distinct().Count());
        Assert.All(uuids, u => Assert.Equal('5', u[14])); // version 5
    }

    [SkippableTheory]
    [InlineData("uuid-version-7")]
    [InlineData("unknown-property")]
    [InlineData("status-state")]
    [InlineData("prop-name-with-space")]
    [InlineData("prop-value-multiline")]
    [InlineData("missing-import-ap")]
    [InlineData("bad-date-time")]
    public async Task AssessmentResults_DeliberatelyBroken_FailsValidation(string breakage)
    {
        var context = OscalTestData.Context(OscalTestData.Kompendium);
        var source = OscalTestData.Source(OscalTestData.KompendiumAssessment(context), context, OscalTestData.Kompendium);
        var root = JsonNode.Parse(OscalTestData.Write(AssessmentResultsWriter.Write, source))!;
        var ar = root["assessment-results"]!;
        var finding = ar["results"]![0]!["findings"]![0]!;
        switch (breakage)
        {
            case "uuid-version-7":
                finding["uuid"] = Guid.CreateVersion7().ToString();
                break;
            case "unknown-property":
                finding["colour"] = "green";
                break;
            case "status-state":
                finding["target"]!["status"]!["state"] = "maybe";
                break;
            case "prop-name-with-space":
                finding["props"]![0]!["name"] = "target object";
                break;
            case "prop-value-multiline":
                finding["props"]![0]!["value"] = "zwei\nZeilen";
                break;
            case "missing-import-ap":
                ar.AsObject().Remove("import-ap");
                break;
            case "bad-date-time":
                ar["metadata"]!["last-modified"] = "23.11.2026";
                break;
        }

        var errors = await new OscalSchemaValidator(OscalTestData.SchemaDirectory).ValidateAsync(root.ToJsonString(), OscalSchemaKind.AssessmentResults);

        Assert.NotEmpty(errors);
    }

    private static IEnumerable<JsonNode> Findings(string json) =>
        JsonNode.Parse(json)!["assessment-results"]!["results"]![0]!["findings"]!.AsArray().Select(f => f!);

    private static string? Prop(JsonNode node, string name) =>
        node["props"]?.AsArray()
            .FirstOrDefault(p => p!["name"]!.GetValue<string>() == name && p["ns"]?.GetValue<string>() == OscalNames.Namespace)?["value"]?.GetValue<string>();
}
