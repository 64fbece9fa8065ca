using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Tests.Infrastructure;
using static Grundschutz.Web.Tests.Assessments.AssessmentPages;

namespace Grundschutz.Web.Tests.Accessibility;

/// <summary>
/// WCAG 3.3.1 and 1.3.1 for a screen-reader user who tabs through a refused form instead of reading the error summary:
/// each field the summary names is marked <c>aria-invalid="true"</c>, and where the page shows the message next to the
/// field, the field's description (<c>aria-describedby</c>) contains it, so it is read with the field's label. Fields
/// without an error are not marked.
/// </summary>
public sealed class FieldErrorTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    [Fact]
    public async Task ChangePassword_Mismatch_ConfirmationIsInvalidAndDescribedByItsMessage()
    {
        await factory.CreateUserAsync("a11y-passwort", "Richtig-Passwort-1");
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, "a11y-passwort", "Richtig-Passwort-1");
        var page = await Html.GetDocumentAsync(client, "/Account/ChangePassword");

        var refused = await SubmitRefusedAsync(client, Form(page, "change-password-form"), new()
        {
            ["Input.CurrentPassword"] = "Richtig-Passwort-1",
            ["Input.NewPassword"] = "Neues-Passwort-2026",
            ["Input.ConfirmPassword"] = "Anderes-Passwort-2026",
        });

        AssertTiedToMessage(refused, "Input_ConfirmPassword", "Die beiden Passwörter stimmen nicht überein.");
        AssertValid(refused, "Input_CurrentPassword");
        AssertValid(refused, "Input_NewPassword");
        Assert.Contains("password-hint", Description(refused, "Input_NewPassword"));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_CurrentPasswordIsInvalidAndDescribedByItsMessage()
    {
        await factory.CreateUserAsync("a11y-passwort-2", "Richtig-Passwort-1");
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, "a11y-passwort-2", "Richtig-Passwort-1");
        var page = await Html.GetDocumentAsync(client, "/Account/ChangePassword");

        var refused = await SubmitRefusedAsync(client, Form(page, "change-password-form"), new()
        {
            ["Input.CurrentPassword"] = "Falsch-Passwort-1",
            ["Input.NewPassword"] = "Neues-Passwort-2026",
            ["Input.ConfirmPassword"] = "Neues-Passwort-2026",
        });

        var message = Assert.Single(Errors(refused));
        AssertTiedToMessage(refused, "Input_CurrentPassword", message);
        AssertValid(refused, "Input_ConfirmPassword");
    }

    [Fact]
    public async Task Login_EmptyFields_BothFieldsAreInvalidAndDescribedByTheirMessages()
    {
        var client = factory.CreateBrowserClient();
        var page = await Html.GetDocumentAsync(client, "/Account/Login");
        AssertValid(page, "Input_UserName");

        var refused = await SubmitRefusedAsync(client, Form(page, "login-form"));

        foreach (var link in refused.QuerySelectorAll("#error-summary a"))
        {
            AssertTiedToMessage(refused, link.GetAttribute("href")![1..], link.TextContent.Trim());
        }

        Assert.Equal(2, refused.QuerySelectorAll("#login-form [aria-invalid='true']").Length);
    }

    [Fact]
    public async Task Scope_AddTargetWithoutName_NameIsInvalidAndDescribedByItsMessage()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241901", "Fehlerhausen");
        var assessment = await seed.Assessment(municipality, isb).WithTarget("Server Rathaus", "TEC.1").BuildAsync();
        var client = await seed.SignInAsync(isb);
        var page = await Html.GetDocumentAsync(client, Scope(assessment.Id));

        var refused = await SubmitRefusedAsync(client, Form(page, "add-target-form"));

        AssertTiedToMessage(refused, "Target_Name", "Bitte geben Sie einen Namen für das Zielobjekt an.");
        AssertValid(refused, "Target_Kind");

        var targetId = assessment.Target("Server Rathaus");
        var blank = await SubmitRefusedAsync(client, Form(refused, $"rename-form-{targetId:N}"), new() { ["Rename.Name"] = "" });
        var message = Assert.Single(Errors(blank));
        AssertTiedToMessage(blank, $"rename-name-{targetId:N}", message);
        AssertValid(blank, "Target_Name");
    }

    [Fact]
    public async Task Overview_ReturnWithoutComment_CommentIsInvalidAndDescribedByItsMessage()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("05315901", "Prüfstadt");
        var assessment = await seed.Assessment(municipality, isb).WithTarget("Server", "TEC.1").AnswerRest().InState(AssessmentState.InReview).BuildAsync();
        var auditor = await seed.UserAsync("a11y-pruefung", Roles.Auditor, null, "05");
        var client = await seed.SignInAsync(auditor);
        var page = await Html.GetDocumentAsync(client, Overview(assessment.Id));
        AssertValid(page, "comment-Return");

        var refused = await SubmitRefusedAsync(client, Form(page, "trigger-Return"));

        var message = Assert.Single(Errors(refused));
        AssertTiedToMessage(refused, "comment-Return", message);
        Assert.Equal("true", refused.GetElementById("comment-Return")!.GetAttribute("aria-required"));
    }

    [Fact]
    public async Task CreateAssessment_NoApproach_RadiosAreInvalidAndTheGroupIsDescribedByTheMessage()
    {
        var seed = new AssessmentSeed(factory);
        await seed.DemoCatalogVersionIdAsync();
        var (_, isb) = await seed.TenantAsync("09161901", "Radiostadt");
        var client = await seed.SignInAsync(isb);
        var page = await Html.GetDocumentAsync(client, "/Assessments/Create");

        var refused = await SubmitRefusedAsync(client, Form(page, "create-form"), new() { ["Input.Title"] = "Bewertung" });

        AssertTiedToMessage(refused, "Input_Approach", "Bitte wählen Sie eine Vorgehensweise.");
        var radios = refused.QuerySelectorAll("input[name='Input.Approach']");
        Assert.True(radios.Length > 1);
        Assert.All(radios, r => Assert.Equal("true", r.GetAttribute("aria-invalid")));
        AssertValid(refused, "Input_Title");
    }

    [Fact]
    public async Task Workshop_CreateWithoutTopic_TopicIsInvalid()
    {
        var seed = new AssessmentSeed(factory);
        var facilitator = await seed.UserAsync("a11y-moderation", Roles.Facilitator);
        var client = await seed.SignInAsync(facilitator);
        var page = await Html.GetDocumentAsync(client, "/Workshops/Create");

        var refused = await SubmitRefusedAsync(client, Form(page, "workshop-form"), new() { ["Input.Topic"] = "", ["Input.Date"] = "2026-12-03" });

        var link = refused.QuerySelector("#error-summary a[href='#Input_Topic']");
        Assert.NotNull(link);
        AssertTiedToMessage(refused, "Input_Topic", link.TextContent.Trim());
        AssertValid(refused, "Input_Date");
    }

    /// <summary>The field is marked invalid and its description – its own or its fieldset's – contains the message.</summary>
    private static void AssertTiedToMessage(IHtmlDocument document, string fieldId, string message)
    {
        var field = document.GetElementById(fieldId) ?? throw new Xunit.Sdk.XunitException($"No #{fieldId}.");
        Assert.True(field.GetAttribute("aria-invalid") == "true", $"#{fieldId} is not aria-invalid: {field.OuterHtml}");
        var described = string.Join(" ", Description(document, fieldId)
            .Select(id => document.GetElementById(id) ?? throw new Xunit.Sdk.XunitException($"#{fieldId} is described by the missing #{id}."))
            .Select(e => e.TextContent.Trim()));
        Assert.Contains(message, described, StringComparison.Ordinal);
    }

    private static void AssertValid(IHtmlDocument document, string fieldId)
    {
        var field = document.GetElementById(fieldId) ?? throw new Xunit.Sdk.XunitException($"No #{fieldId}.");
        Assert.Null(field.GetAttribute("aria-invalid"));
    }

    /// <summary>The ids in the field's <c>aria-describedby</c> and in that of the fieldset around it.</summary>
    private static List<string> Description(IHtmlDocument document, string fieldId)
    {
        var field = document.GetElementById(fieldId)!;
        IEnumerable<IElement> owners = field.Closest("fieldset") is { } fieldset ? [field, fieldset] : [field];
        return [.. owners.SelectMany(e => (e.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))];
    }
}
