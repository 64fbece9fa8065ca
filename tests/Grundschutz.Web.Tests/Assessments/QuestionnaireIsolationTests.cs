using System.Net;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Tests.Infrastructure;
using static Grundschutz.Web.Tests.Assessments.QuestionnaireTestData;

namespace Grundschutz.Web.Tests.Assessments;

/// <summary>An ISB of another municipality, with valid anti-forgery tokens of their own session, reaches nothing.</summary>
public sealed class QuestionnaireIsolationTests(QuestionnaireWebFactory factory) : IClassFixture<QuestionnaireWebFactory>
{
    [Fact]
    public async Task OtherMunicipality_GetsNotFoundOnEveryQuestionnaireAndEvidenceEndpoint()
    {
        var owner = await TenantWithAssessmentAsync(factory, "08100001", "Stuttgart-Test", b => b.Answer("ORG.1.1", Target, AnswerStatus.Ja));
        var ownerClient = await owner.SignInAsync();
        var ownerPage = await Html.GetDocumentAsync(ownerClient, Question(owner.Id, 0));
        var uploaded = await Html.FollowRedirectAsync(ownerClient, await UploadAsync(ownerClient, ownerPage, "geheim.pdf", Pdf("geheim")));
        var evidenceId = uploaded.QuerySelector("#evidence-list tbody tr")!.GetAttribute("data-evidence-id")!;

        var intruder = await TenantWithAssessmentAsync(factory, "08100002", "Karlsruhe-Test");
        var client = await intruder.SignInAsync();
        var token = Token(await Html.GetDocumentAsync(client, Question(intruder.Id, 0)));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Question(owner.Id, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Questions(owner.Id))).StatusCode);

        var save = await PostFormAsync(client, Question(owner.Id, 0) + "?handler=Save", token,
            ("Input.RequirementId", "ORG.1.1"), ("Input.TargetObjectId", owner.TargetId.ToString()), ("Input.Version", "1"),
            ("Input.Status", "Nein"), ("Input.Justification", "eingeschleust"));
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);

        var upload = await UploadToAsync(client, Question(owner.Id, 0) + "?handler=Upload",
            [("__RequestVerificationToken", token), ("requirementId", "ORG.1.1"), ("targetObjectId", owner.TargetId.ToString())],
            "fremd.pdf", Pdf("fremd"));
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Assessments/{owner.Id}/Evidence/{evidenceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Assessments/{intruder.Id}/Evidence/{evidenceId}")).StatusCode);

        var delete = await PostFormAsync(client, Question(owner.Id, 0) + $"?handler=DeleteEvidence&evidenceId={evidenceId}", token);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var deleteViaOwnAssessment = await PostFormAsync(client, Question(intruder.Id, 0) + $"?handler=DeleteEvidence&evidenceId={evidenceId}", token);
        Assert.Equal(HttpStatusCode.NotFound, deleteViaOwnAssessment.StatusCode);

        var answer = await owner.AnswerAsync("ORG.1.1");
        Assert.Equal((AnswerStatus.Ja, (string?)null), (answer!.Status, answer.Justification));
        Assert.Equal("geheim.pdf", Assert.Single(answer.Evidence).FileName);
    }

    [Fact]
    public async Task Anonymous_IsSentToTheLoginForQuestionsAndDownloads()
    {
        var owner = await TenantWithAssessmentAsync(factory, "08100003", "Ulm-Test");
        var client = factory.CreateBrowserClient();

        Assert.StartsWith("/Account/Login", Location(await client.GetAsync(Questions(owner.Id))), StringComparison.Ordinal);
        Assert.StartsWith("/Account/Login", Location(await client.GetAsync($"/Assessments/{owner.Id}/Evidence/{Guid.NewGuid()}")), StringComparison.Ordinal);
        Assert.StartsWith("/Account/Login", Location(await client.PostAsync(Question(owner.Id, 0) + "?handler=Save", new FormUrlEncodedContent([]))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_SeesNoAssessmentContents()
    {
        var owner = await TenantWithAssessmentAsync(factory, "08100004", "Heilbronn-Test");
        await factory.CreateUserAsync("admin-08100004", AssessmentSeed.Password, Roles.Administrator);
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, "admin-08100004", AssessmentSeed.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Question(owner.Id, 0))).StatusCode);
    }

    [Fact]
    public async Task Auditor_SeesSubmittedAnswersOfTheirLandReadOnly_AndNothingElsewhere()
    {
        var owner = await TenantWithAssessmentAsync(factory, "08100005", "Freiburg-Test", b => b.InState(AssessmentState.Submitted));
        var auditor = await owner.Seed.UserAsync("pruefer-08", Roles.Auditor, null, "08");
        var foreign = await owner.Seed.UserAsync("pruefer-09", Roles.Auditor, null, "09");
        var client = await owner.Seed.SignInAsync(auditor);

        var page = await Html.GetDocumentAsync(client, Question(owner.Id, 0));

        Assert.Null(page.GetElementById("question-form"));
        Assert.Equal("umgesetzt", Text(page, "#value-Status"));
        var other = await owner.Seed.SignInAsync(foreign);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Question(owner.Id, 0))).StatusCode);
    }
}
