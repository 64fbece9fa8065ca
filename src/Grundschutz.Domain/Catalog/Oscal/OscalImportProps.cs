namespace Grundschutz.Domain.Catalog.Oscal;

/// <summary>
/// Properties the OSCAL reader adds to <see cref="Requirement.Props"/> in its own namespace
/// <see cref="Namespace"/>. They carry what <see cref="Requirement"/> has no field for but a later
/// profile resolution needs: the statement with its <c>{{ insert: param, … }}</c> placeholders and
/// the text each parameter was resolved to. A profile's <c>set-parameters</c> can then be applied to a
/// catalogue imported earlier, read back from the database. Writers and the UI should skip props in
/// this namespace (<see cref="IsImportProp"/>); they are not part of the source.
/// </summary>
public static class OscalImportProps
{
    /// <summary>Namespace URI of the props added by the reader.</summary>
    public const string Namespace = "urn:grundschutz:oscal-import";

    /// <summary>One per parameter the statement or guidance uses: Value = parameter id, Remarks = the text inserted.</summary>
    public const string Param = "param";

    /// <summary>The statement before parameter resolution (only when it has placeholders).</summary>
    public const string StatementTemplate = "statement-template";

    /// <summary>The guidance before parameter resolution (only when it has placeholders).</summary>
    public const string GuidanceTemplate = "guidance-template";

    /// <summary>A control link that does not point to a control (external URL or back-matter resource): Value = href, Remarks = rel.</summary>
    public const string Link = "link";

    /// <summary>True for a property the reader added (not from the source).</summary>
    public static bool IsImportProp(CatalogProperty property) =>
        string.Equals(property.Ns, Namespace, StringComparison.Ordinal);
}
