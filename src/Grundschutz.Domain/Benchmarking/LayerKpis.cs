using Grundschutz.Domain.Scoring;

namespace Grundschutz.Domain.Benchmarking;

/// <summary>The benchmark numbers of one layer (Kompendium) or practice (Grundschutz++).</summary>
/// <param name="Id">Layer/practice id, e.g. <c>SYS</c> or <c>BER</c>.</param>
/// <param name="Basis">Strict E_B (Grundschutz++: MUSS).</param>
/// <param name="BasisStandard">Strict E_BS (Grundschutz++: normal-SdT).</param>
/// <param name="Maturity">Reifegrad 0–5 for a management practice; null otherwise or when not assessed.</param>
public sealed record LayerKpis(string Id, Ratio Basis, Ratio BasisStandard, int? Maturity);
