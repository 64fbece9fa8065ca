namespace Grundschutz.Domain.Benchmarking;

/// <summary>
/// The one definition of the benchmark's priority topics (documented in docs/benchmarking.md): backup, IT
/// administration, roles and authorisation, preparation for incidents — the topics that decided the outcome of the
/// Anhalt-Bitterfeld and Südwestfalen-IT incidents and that WiBA puts first.
/// </summary>
public static class PriorityTopics
{
    /// <summary>Datensicherung: CON.3 / Grundschutz++ NOT.4.</summary>
    public static readonly PriorityTopic Backup = new("backup", "Datensicherung", ["CON.3"], ["NOT.4"]);

    /// <summary>IT-Administration: OPS.1.1.2 / Grundschutz++ KONF.2 (Konfiguration von Systemen).</summary>
    public static readonly PriorityTopic Administration = new("admin", "IT-Administration", ["OPS.1.1.2"], ["KONF.2"]);

    /// <summary>Rollen und Berechtigungen: ORP.4 / Grundschutz++ BER.2 (Identitäten) and BER.4 (Berechtigungen).</summary>
    public static readonly PriorityTopic Authorisation = new("roles", "Rollen und Berechtigungen", ["ORP.4"], ["BER.2", "BER.4"]);

    /// <summary>Vorbereitung auf Sicherheitsvorfälle: DER.2.1 and DER.4 / Grundschutz++ REA.1, REA.2 and NOT.3.</summary>
    public static readonly PriorityTopic Incidents = new("incidents", "Vorbereitung auf Sicherheitsvorfälle", ["DER.2.1", "DER.4"], ["REA.1", "REA.2", "NOT.3"]);

    /// <summary>All priority topics in display order.</summary>
    public static IReadOnlyList<PriorityTopic> All { get; } = [Backup, Administration, Authorisation, Incidents];
}
