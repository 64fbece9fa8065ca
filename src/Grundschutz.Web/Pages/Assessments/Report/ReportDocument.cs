using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Grundschutz.Infrastructure.Charts;
using Grundschutz.Infrastructure.Export;
using Grundschutz.Infrastructure.Markdown;
using Grundschutz.Infrastructure.Scoring;

namespace Grundschutz.Web.Pages.Assessments.Report;

/// <summary>
/// The downloadable report: the <see cref="ReportView"/> poured into the Markdown template
/// (<c>templates/bericht.de.md</c>), rendered by the one Markdown pipeline and wrapped into one self-contained HTML
/// file — print style sheet (<c>templates/bericht.css</c>) embedded, charts as PNG data URIs, no external resource.
/// Every user-provided text reaches the template as plain text and is escaped there.
/// </summary>
public sealed class ReportDocument(MarkdownRenderer markdown, ReportTemplates templates, ReportCharts charts)
{
    /// <summary>The complete HTML document.</summary>
    public async Task<string> RenderAsync(ReportView view, CancellationToken cancellationToken) =>
        (await RenderWithPolicyAsync(view, cancellationToken)).Html;

    /// <summary>
    /// The complete HTML document and its Content-Security-Policy: nothing may load (<c>default-src 'none'</c>) except
    /// the embedded chart images (<c>img-src data:</c>) and exactly the one embedded style element, named by its SHA-256
    /// hash (no <c>'unsafe-inline'</c>: an injected style element or attribute would not apply). The same policy is
    /// written into the file as a meta element, which applies once the saved file is opened.
    /// </summary>
    public async Task<(string Html, string ContentSecurityPolicy)> RenderWithPolicyAsync(ReportView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var template = await templates.ReadTemplateAsync(ReportTemplates.ReportTemplate, cancellationToken);
        var css = await templates.ReadTemplateAsync(ReportTemplates.ReportStyleSheet, cancellationToken);
        var body = markdown.RenderTemplate(template, Model(view), ReportTemplates.ReportTemplate);
        var title = $"Bericht {view.Assessment.MunicipalityName} – {view.Assessment.Title}";
        // The style sheet comes from the operator's template folder; it must not be able to end the style element.
        var style = "\n" + css.Replace("</", "<\\/", StringComparison.Ordinal) + "\n";
        var policy = FileContentSecurityPolicy(style);
        var html = new StringBuilder(body.Length + css.Length + 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(policy).Append("\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(HtmlEncoder.Default.Encode(title)).Append("</title>\n");
        html.Append("<style>").Append(style).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append(body);
        html.Append("</main>\n</body>\n</html>\n");
        return (html.ToString(), policy);
    }

    /// <summary>The file's policy for a style element with exactly the text <paramref name="style"/>.</summary>
    public static string FileContentSecurityPolicy(string style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        return $"default-src 'none'; img-src data:; style-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'";
    }

    /// <summary>„Bericht-Koeln-2026-11-23.html“: ASCII only, so the header needs no encoding.</summary>
    public static string FileName(ScoredAssessmentInfo assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var slug = FileNameText.Part(assessment.MunicipalityName, maxLength: 120);
        return $"Bericht-{(slug.Length == 0 ? "Kommune" : slug)}-{ReportFormat.IsoDate(assessment.ScoredOn)}.html";
    }

    /// <summary>The template values (see README, „Report templates“, for the names).</summary>
    public TemplateModel Model(ReportView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var a = view.Assessment;
        var model = new TemplateModel()
            .Set("municipality", new TemplateModel().Set("name", a.MunicipalityName))
            .Set("assessment", new TemplateModel()
                .Set("title", a.Title)
                .Set("approach", Domain.Assessments.AssessmentTexts.ApproachName(a.Approach))
                .Set("state", Domain.Assessments.AssessmentTexts.StateName(a.State))
                .Set("framework", a.IsGrundschutzPlusPlus ? "Grundschutz++" : "IT-Grundschutz-Kompendium"))
            .Set("catalog", new TemplateModel().Set("title", a.CatalogTitle).Set("version", a.CatalogVersion))
            .Set("report", new TemplateModel().Set("date", view.Overview.Date).Set("limit", view.ListLimit.ToString(ReportFormat.German)))
            .Set("gspp", view.IsGrundschutzPlusPlus)
            .Set("words", new TemplateModel()
                .Set("layer", view.LayerWord)
                .Set("module", view.ModuleWord)
                .Set("first", view.FirstSliceName)
                .Set("second", view.SecondSliceName));

        model.Set("kpis", view.Kpis.Select(k => new TemplateModel()
            .Set("label", k.Label)
            .Set("value", k.Value)
            .Set("fraction", k.Fraction)
            .Set("lenient", k.Lenient is null ? "–" : $"{k.Lenient} ({k.LenientFraction})")
            .Set("note", k.Note ?? "")).ToList());
        var o = view.Overview;
        model.Set("overview", new TemplateModel()
            .Set("pairs", o.Pairs)
            .Set("coverage", $"{o.Coverage} ({o.CoverageFraction})")
            .Set("freshness", $"{o.Freshness} ({o.FreshnessFraction})")
            .Set("months", o.FreshnessMonths.ToString(ReportFormat.German))
            .Set("unanswered", o.Unanswered)
            .Set("unjustified", o.EntbehrlichWithoutJustification)
            .Set("jaBlocked", o.JaBlocked));

        model.Set("gates", view.Gates.Select(g => new TemplateModel()
            .Set("title", g.Title)
            .Set("summary", g.Evaluated ? g.Summary : $"{g.Title}: nicht bewertet ({g.Reason})")
            .Set("reached", g.Reached)
            .Set("compliance", g.Compliance)
            .Set("blockers", g.Blockers.Select(b => new TemplateModel()
                .Set("requirement", b.RequirementId)
                .Set("target", b.TargetObjectName)
                .Set("title", b.Title ?? "")
                .Set("reasons", b.Reasons)).ToList())
            .Set("more", More(g.BlockerCount, g.Blockers.Count))
            .Set("accepted", g.AcceptedDeviations.Select(d => new TemplateModel().Set("label", d)).ToList())).ToList());

        var m = view.Maturity;
        model.Set("maturity", new TemplateModel()
            .Set("overall", m.Overall)
            .Set("overallName", m.OverallName ?? "")
            .Set("median", m.Median)
            .Set("limiting", string.Join(", ", m.Limiting))
            .Set("practices", m.Practices.Select(p => new TemplateModel()
                .Set("id", p.Id)
                .Set("title", p.Title)
                .Set("level", p.LevelText)
                .Set("criteria", string.Join("; ", p.Criteria.Select(c => $"{(c.Met ? "✓" : "✗")} {c.Text}")))
                .Set("reason", p.NotAssessedReason ?? "")).ToList()));

        model.Set("layers", view.Layers.Select(Scope).ToList());
        model.Set("modules", view.Modules.Select(Scope).ToList());

        var plan = view.ActionPlan;
        model.Set("plan", new TemplateModel()
            .Set("total", ReportFormat.Count(plan.Total))
            .Set("overdue", ReportFormat.Count(plan.Overdue))
            .Set("missingOwner", ReportFormat.Count(plan.MissingOwner))
            .Set("missingDueDate", ReportFormat.Count(plan.MissingDueDate))
            .Set("knownCost", plan.KnownCost)
            .Set("missingCost", ReportFormat.Count(plan.MissingCost))
            .Set("more", More(plan.Total, plan.Items.Count))
            .Set("items", plan.Items.Select(i => new TemplateModel()
                .Set("rank", i.Rank.ToString(ReportFormat.German))
                .Set("requirement", i.RequirementId)
                .Set("title", i.Title)
                .Set("module", i.GroupId)
                .Set("target", i.TargetObjectName)
                .Set("status", i.Status)
                .Set("level", i.Level)
                .Set("measure", i.Measure)
                .Set("owner", i.Owner.Length == 0 ? "fehlt" : i.Owner)
                .Set("due", i.DueDate.Length == 0 ? "fehlt" : i.DueDate)
                .Set("cost", i.Cost)
                .Set("flag", i.IsOverdue ? "überfällig" : "")
                .Set("overdue", i.IsOverdue)).ToList())
            .Set("unanswered", plan.Unanswered.Select(u => new TemplateModel().Set("label", u)).ToList())
            .Set("unansweredTotal", ReportFormat.Count(plan.UnansweredTotal))
            .Set("unansweredMore", More(plan.UnansweredTotal, plan.Unanswered.Count)));

        if (view.Comparison is { } c)
        {
            static List<TemplateModel> Changes(IReadOnlyList<ReportView.ChangeView> changes) => changes
                .Select(x => new TemplateModel()
                    .Set("requirement", x.RequirementId)
                    .Set("module", x.GroupId)
                    .Set("pairs", $"{x.Improved.ToString(ReportFormat.German)} verbessert, {x.Regressed.ToString(ReportFormat.German)} verschlechtert von {x.Pairs.ToString(ReportFormat.German)}"))
                .ToList();
            model.Set("comparison", new TemplateModel()
                .Set("previousTitle", c.PreviousTitle)
                .Set("previousDate", c.PreviousDate)
                .Set("kpis", c.Kpis.Select(k => new TemplateModel().Set("label", k.Label).Set("before", k.Before).Set("after", k.After).Set("delta", k.Delta)).ToList())
                .Set("improved", Changes(c.Improved))
                .Set("improvedMore", More(c.ImprovedTotal, c.Improved.Count))
                .Set("regressed", Changes(c.Regressed))
                .Set("regressedMore", More(c.RegressedTotal, c.Regressed.Count))
                .Set("pairs", $"{c.PairsImproved} verbessert, {c.PairsRegressed} verschlechtert, {c.PairsUnchanged} unverändert, {c.PairsNew} neu, {c.PairsDropped} weggefallen"));
        }

        var chartModel = new TemplateModel();
        foreach (var chart in view.Charts)
        {
            chartModel.Set(chart.Name, Chart(chart));
        }

        model.Set("charts", chartModel);
        return model;
    }

    private static string More(int total, int listed) =>
        total > listed ? $"… und {(total - listed).ToString("N0", ReportFormat.German)} weitere (vollständige Liste im Export)" : "";

    private static TemplateModel Scope(ReportView.ScopeRow row) => new TemplateModel()
        .Set("id", row.Id)
        .Set("title", row.Title)
        .Set("pairs", row.Pairs)
        .Set("eb", row.Basis)
        .Set("ebs", row.BasisStandard)
        .Set("eh", row.Hoch)
        .Set("muss", row.Muss)
        .Set("normal", row.NormalSdT)
        .Set("erhoeht", row.Erhoeht)
        .Set("all", row.All)
        .Set("coverage", row.Coverage)
        .Set("freshness", row.Freshness)
        .Set("actions", row.ActionItems)
        .Set("overdue", row.Overdue);

    private TemplateModel Chart(ChartData chart)
    {
        var png = charts.RenderPng(chart);
        var image = png is null
            ? ""
            : $"![{MarkdownRenderer.Escape(chart.AltText)}](data:image/png;base64,{Convert.ToBase64String(png)})";
        var table = new StringBuilder();
        table.Append("| ").Append(string.Join(" | ", chart.Table.Headers.Select(MarkdownRenderer.Escape))).Append(" |\n");
        table.Append('|').Append(string.Concat(chart.Table.Headers.Select(_ => "---|"))).Append('\n');
        foreach (var row in chart.Table.Rows)
        {
            table.Append("| ").Append(string.Join(" | ", row.Select(MarkdownRenderer.Escape))).Append(" |\n");
        }

        return new TemplateModel()
            .Set("title", chart.Title)
            .Set("alt", chart.AltText)
            .Set("image", new MarkdownText(image))
            .Set("table", new MarkdownText(table.ToString()));
    }
}
