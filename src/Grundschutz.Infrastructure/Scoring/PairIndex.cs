using Grundschutz.Domain.Scoring;

namespace Grundschutz.Infrastructure.Scoring;

/// <summary>
/// Where each requirement × target-object pair sits in a scored input, and which pairs have a stored answer. Lets a
/// cached score be brought up to date with only the answers saved since it was computed
/// (<see cref="Apply"/>): their values replace the pairs' answer values, and the number of stored answers must
/// come out as the database says, else the caller scores from scratch. Immutable: <see cref="Apply"/> returns new
/// arrays and shares the position map.
/// </summary>
internal sealed class PairIndex
{
    private readonly Dictionary<(string RequirementId, Guid TargetObjectId), int> _positions;
    private readonly bool[] _answered;

    private PairIndex(Dictionary<(string, Guid), int> positions, bool[] answered, int answers)
    {
        _positions = positions;
        _answered = answered;
        Answers = answers;
    }

    /// <summary>Stored answers of the assessment, including any on pairs outside the scope.</summary>
    public int Answers { get; }

    /// <summary>The index of freshly scored pairs and the answers they were built from.</summary>
    public static PairIndex Create(IReadOnlyList<ScoredPair> pairs, IReadOnlyCollection<AnswerFacts> answers)
    {
        var positions = new Dictionary<(string, Guid), int>(pairs.Count);
        for (var i = 0; i < pairs.Count; i++)
        {
            positions.TryAdd((pairs[i].RequirementId, pairs[i].TargetObjectId), i);
        }

        var answered = new bool[pairs.Count];
        foreach (var answer in answers)
        {
            if (positions.TryGetValue((answer.RequirementId, answer.TargetObjectId), out var i))
            {
                answered[i] = true;
            }
        }

        return new PairIndex(positions, answered, answers.Count);
    }

    /// <summary>
    /// The input with <paramref name="changed"/> applied and the updated index, or null when the changes cannot be
    /// applied safely: an answer on a pair outside the scored scope, or a resulting answer count different from
    /// <paramref name="expectedAnswers"/> (answers were removed).
    /// </summary>
    public (ScoringInput Input, PairIndex Index)? Apply(ScoringInput input, IReadOnlyCollection<AnswerFacts> changed, int expectedAnswers)
    {
        var pairs = input.Pairs.ToArray();
        bool[]? answered = null;
        var answers = Answers;
        foreach (var answer in changed)
        {
            if (!_positions.TryGetValue((answer.RequirementId, answer.TargetObjectId), out var i))
            {
                return null;
            }

            if (!_answered[i] && (answered is null || !answered[i]))
            {
                answered ??= (bool[])_answered.Clone();
                answered[i] = true;
                answers++;
            }

            pairs[i] = ScoringInputBuilder.WithAnswer(pairs[i], answer);
        }

        if (answers != expectedAnswers)
        {
            return null;
        }

        return (new ScoringInput(input.Framework, input.Approach, pairs, input.Today, input.Options), new PairIndex(_positions, answered ?? _answered, answers));
    }
}
