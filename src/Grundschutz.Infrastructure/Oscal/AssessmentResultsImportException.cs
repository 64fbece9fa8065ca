namespace Grundschutz.Infrastructure.Oscal;

/// <summary>An assessment-results upload was refused; the German message says why. Nothing was saved.</summary>
public sealed class AssessmentResultsImportException : Exception
{
    public AssessmentResultsImportException()
    {
        Details = [];
    }

    public AssessmentResultsImportException(string message)
        : base(message)
    {
        Details = [];
    }

    public AssessmentResultsImportException(string message, Exception innerException)
        : base(message, innerException)
    {
        Details = [];
    }

    public AssessmentResultsImportException(string message, IReadOnlyList<string> details)
        : base(message)
    {
        Details = details;
    }

    /// <summary>Individual problems (e.g. schema violations, unknown requirement ids), at most a few dozen.</summary>
    public IReadOnlyList<string> Details { get; }
}
