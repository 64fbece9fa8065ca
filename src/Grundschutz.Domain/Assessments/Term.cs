namespace Grundschutz.Domain.Assessments;

/// <summary>
/// A fixed German term used as an argument of a message (a state, step or approach name): unlike names users typed,
/// it is translated along with the message (the term is its resource key). Prints as the German term.
/// </summary>
/// <param name="German">The German term.</param>
public sealed record Term(string German)
{
    public override string ToString() => German;
}
