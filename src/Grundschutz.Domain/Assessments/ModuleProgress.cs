namespace Grundschutz.Domain.Assessments;

/// <summary>Answered versus total questions of one module (or overall).</summary>
/// <param name="GroupId">The module (empty for the overall figure).</param>
/// <param name="Answered">Questions whose status is not open.</param>
/// <param name="Total">All questions.</param>
public sealed record ModuleProgress(string GroupId, int Answered, int Total)
{
    /// <summary>True when every question is answered (and there is at least one).</summary>
    public bool IsComplete => Total > 0 && Answered == Total;

    /// <summary>Whole percent answered, rounded down (0 when there is nothing to answer).</summary>
    public int Percent => Total == 0 ? 0 : Answered * 100 / Total;
}
