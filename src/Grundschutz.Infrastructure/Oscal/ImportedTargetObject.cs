namespace Grundschutz.Infrastructure.Oscal;

/// <summary>A target object (inventory item).</summary>
/// <param name="OscalUuid">Its uuid in the document.</param>
/// <param name="Name">Name (the inventory item's description).</param>
/// <param name="Kind">Kind, if any.</param>
/// <param name="Modules">Modules applied to it.</param>
public sealed record ImportedTargetObject(string OscalUuid, string Name, string? Kind, IReadOnlyList<string> Modules);
