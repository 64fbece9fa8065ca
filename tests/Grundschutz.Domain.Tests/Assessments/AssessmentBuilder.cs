using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

using Microsoft.Extensions.Time.Testing;

namespace Grundschutz.Domain.Tests.Assessments;

/// <summary>
/// Builds assessments. Default: Standard-Absicherung on <see cref="TestCatalogs.ItGrundschutz"/>
/// with the target objects "Informationsverbund", "Server Rathaus", "Clients Bürgeramt";
/// ISMS.1 applied to the first, SYS.2.1 to the other two (6 questions). Reaching a state walks
/// the real workflow: answers by <see cref="Actors.Isb"/>, review by <see cref="Actors.Auditor"/>.
/// </summary>
internal sealed class AssessmentBuilder
{
    public const string Informationsverbund = "Informationsverbund";
    public const string ServerRathaus = "Server Rathaus";
    public const string ClientsBuergeramt = "Clients Bürgeramt";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly List<string> _targets = [Informationsverbund, ServerRathaus, ClientsBuergeramt];
    private readonly List<(string Group, string Target)> _applications =
    [
        ("ISMS.1", Informationsverbund),
        ("SYS.2.1", ServerRathaus),
        ("SYS.2.1", ClientsBuergeramt),
    ];

    private CatalogFramework _framework = CatalogFramework.ItGrundschutz;
    private Approach _approach = Approach.Standard;
    private bool _answerAll;
    private AssessmentState _state = AssessmentState.Draft;

    public AssessmentBuilder()
    {
        Catalog = TestCatalogs.ItGrundschutz();
    }

    /// <summary>The catalogue the assessment is built against.</summary>
    public CatalogContext Catalog { get; private set; }

    /// <summary>The clock used while building; tests continue with it.</summary>
    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Today's date on <see cref="Time"/>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().DateTime);

    public AssessmentBuilder WithApproach(Approach approach)
    {
        _approach = approach;
        return this;
    }

    /// <summary>Grundschutz++ catalogue, one target object "Informationsverbund" with BER.6 and GC.1 applied.</summary>
    public AssessmentBuilder ForGrundschutzPlusPlus(Approach approach = Approach.GsppNormal)
    {
        Catalog = TestCatalogs.GrundschutzPlusPlus();
        _framework = CatalogFramework.GrundschutzPlusPlus;
        _approach = approach;
        _targets.Clear();
        _targets.Add(Informationsverbund);
        _applications.Clear();
        _applications.Add(("BER.6", Informationsverbund));
        _applications.Add(("GC.1", Informationsverbund));
        return this;
    }

    public AssessmentBuilder WithoutScope()
    {
        _targets.Clear();
        _applications.Clear();
        return this;
    }

    public AssessmentBuilder WithTargets(params string[] names)
    {
        _targets.Clear();
        _targets.AddRange(names);
        _applications.Clear();
        return this;
    }

    public AssessmentBuilder Applying(string groupId, string targetName)
    {
        _applications.Add((groupId, targetName));
        return this;
    }

    /// <summary>Answers every applicable question with a valid "ja" (by the ISB).</summary>
    public AssessmentBuilder FullyAnswered()
    {
        _answerAll = true;
        return this;
    }

    /// <summary>Walks the workflow to <paramref name="state"/>; states after InProgress imply <see cref="FullyAnswered"/>.</summary>
    public AssessmentBuilder InState(AssessmentState state)
    {
        _state = state;
        if (state is not (AssessmentState.Draft or AssessmentState.InProgress))
        {
            _answerAll = true;
        }

        return this;
    }

    /// <summary>Advances the clock by a minute and returns the new time.</summary>
    public DateTimeOffset Tick()
    {
        Time.Advance(TimeSpan.FromMinutes(1));
        return Time.GetUtcNow();
    }

    public Assessment Build()
    {
        var assessment = Assessment.Create(4711, 1, _framework, _approach, "IT-Grundschutz-Check 2026", Actors.Isb.UserId, Time.GetUtcNow());
        foreach (var name in _targets)
        {
            assessment.AddTargetObject(name, "IT-System");
        }

        foreach (var (group, target) in _applications)
        {
            assessment.ApplyModule(group, TargetId(assessment, target));
        }

        if (_state == AssessmentState.Draft)
        {
            if (_answerAll)
            {
                AnswerAll(assessment);
            }

            return assessment;
        }

        Fire(assessment, AssessmentTrigger.StartAnswering, Actors.Isb);
        if (_answerAll)
        {
            AnswerAll(assessment);
        }

        if (_state == AssessmentState.InProgress)
        {
            return assessment;
        }

        Fire(assessment, AssessmentTrigger.Submit, Actors.Isb);
        if (_state == AssessmentState.Submitted)
        {
            return assessment;
        }

        Fire(assessment, AssessmentTrigger.StartReview, Actors.Auditor);
        switch (_state)
        {
            case AssessmentState.InReview:
                return assessment;
            case AssessmentState.Returned:
                Fire(assessment, AssessmentTrigger.Return, Actors.Auditor, "Bitte SYS.2.1 genauer begründen.");
                return assessment;
        }

        Fire(assessment, AssessmentTrigger.Approve, Actors.Auditor);
        if (_state == AssessmentState.Approved)
        {
            return assessment;
        }

        Fire(assessment, AssessmentTrigger.Archive, Actors.Isb);
        return assessment;
    }

    public static Guid TargetId(Assessment assessment, string name) =>
        assessment.TargetObjects.Single(t => t.Name == name).Id;

    /// <summary>A valid "ja" answer for a question.</summary>
    public AnswerInput Ja(string requirementId, Guid targetObjectId) =>
        new(requirementId, targetObjectId, AnswerStatus.Ja, ImplementationDescription: "Umgesetzt laut Richtlinie.", AssessedOn: Today);

    /// <summary>Saves an answer as <paramref name="actor"/> with the current version.</summary>
    public RecordAnswerResult Answer(Assessment assessment, AnswerInput input, Actor? actor = null)
    {
        var current = assessment.FindAnswer(input.RequirementId, input.TargetObjectId)?.Version ?? 0;
        return assessment.RecordAnswer(input, current, actor ?? Actors.Isb, Tick(), Catalog.Get(input.RequirementId));
    }

    private void AnswerAll(Assessment assessment)
    {
        foreach (var question in assessment.ApplicableQuestions(Catalog))
        {
            Answer(assessment, Ja(question.RequirementId, question.TargetObjectId));
        }
    }

    private void Fire(Assessment assessment, AssessmentTrigger trigger, Actor actor, string? comment = null) =>
        assessment.Fire(trigger, actor, comment, Tick(), Catalog);
}
