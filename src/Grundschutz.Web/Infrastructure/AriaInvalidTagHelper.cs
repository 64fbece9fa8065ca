using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Marks a form field bound with <c>asp-for</c> <c>aria-invalid="true"</c> when its model state has an error
/// (WCAG 3.3.1): the framework only adds the CSS class <c>input-validation-error</c>, which a screen reader does not
/// read, so a user tabbing through a refused form heard no difference between the wrong field and the others. The
/// questionnaire writes its fields by hand (bench/README.md) and sets the attribute itself.
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttributeName)]
[HtmlTargetElement("select", Attributes = ForAttributeName)]
[HtmlTargetElement("textarea", Attributes = ForAttributeName)]
public sealed class AriaInvalidTagHelper : TagHelper
{
    private const string ForAttributeName = "asp-for";

    [HtmlAttributeName(ForAttributeName)]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After the framework's tag helpers for these elements (order -1000), which write the id and the name.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var modelState = ViewContext.ModelState;
        if (modelState.ErrorCount == 0 || output.Attributes.ContainsName("aria-invalid")
            || string.Equals(output.Attributes["type"]?.Value?.ToString(), "hidden", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var key = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
        }
    }
}
