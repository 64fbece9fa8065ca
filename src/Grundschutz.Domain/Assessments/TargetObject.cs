namespace Grundschutz.Domain.Assessments;

/// <summary>
/// A target object (Zielobjekt) of the assessment, e.g. "Server Rathaus" or "Clients Bürgeramt".
/// Modules are applied to target objects; each requirement is answered once per target object.
/// </summary>
public sealed class TargetObject
{
    /// <summary>Longest allowed name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest allowed kind/description.</summary>
    public const int MaxKindLength = 1000;

    private TargetObject()
    {
        Name = "";
    }

    internal TargetObject(Guid id, string name, string? kind)
    {
        Id = id;
        Name = name;
        Kind = kind;
    }

    /// <summary>Id, generated in the domain.</summary>
    public Guid Id { get; private set; }

    /// <summary>Display name, unique within the assessment (case-insensitive).</summary>
    public string Name { get; private set; }

    /// <summary>Kind or short description, e.g. "IT-System", "Anwendung", "Raum"; optional.</summary>
    public string? Kind { get; private set; }

    internal void Change(string name, string? kind)
    {
        Name = name;
        Kind = kind;
    }
}
