namespace Grundschutz.Domain.Benchmarking;

/// <summary>
/// A priority topic of the benchmark (WiBA priority 1, DOMAIN.md §7): the modules (Kompendium) and topics
/// (Grundschutz++) whose Basis gaps are counted separately.
/// </summary>
/// <param name="Key">Stable key, e.g. <c>backup</c>.</param>
/// <param name="Title">German title.</param>
/// <param name="KompendiumModules">Kompendium Bausteine.</param>
/// <param name="GrundschutzPlusPlusTopics">Grundschutz++ topic groups.</param>
public sealed record PriorityTopic(string Key, string Title, IReadOnlyList<string> KompendiumModules, IReadOnlyList<string> GrundschutzPlusPlusTopics)
{
    /// <summary>The groups of this topic in a catalogue of the given framework.</summary>
    public IReadOnlyList<string> Groups(bool grundschutzPlusPlus) => grundschutzPlusPlus ? GrundschutzPlusPlusTopics : KompendiumModules;
}
