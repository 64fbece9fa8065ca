namespace Grundschutz.Domain.Scoring;

/// <summary>
/// All numbers of one scope: the whole assessment, one layer/practice or one module/topic.
/// Ratios are exact <see cref="Ratio"/>s; a ratio over nothing is undefined (null), never 0 % or 100 %.
/// </summary>
public sealed class ScopeScore
{
    private readonly SliceScore[] _slices;

    internal ScopeScore(ScopeKind kind, string id, string? topGroupId, SliceScore[] slices, int pairs, int withdrawn, int answered, int fresh, int entbehrlichWithoutJustification, int actionItems, int overdueActionItems, int plannedOpenItems)
    {
        Kind = kind;
        Id = id;
        TopGroupId = topGroupId;
        _slices = slices;
        Pairs = pairs;
        Withdrawn = withdrawn;
        Answered = answered;
        Fresh = fresh;
        EntbehrlichWithoutJustification = entbehrlichWithoutJustification;
        ActionItems = actionItems;
        OverdueActionItems = overdueActionItems;
        PlannedOpenItems = plannedOpenItems;
    }

    /// <summary>What the scope is.</summary>
    public ScopeKind Kind { get; }

    /// <summary>Layer/practice or module/topic id; empty for <see cref="ScopeKind.Overall"/>.</summary>
    public string Id { get; }

    /// <summary>For a module/topic: its layer/practice; otherwise null.</summary>
    public string? TopGroupId { get; }

    /// <summary>Pairs in scope (withdrawn ones not included), entbehrlich included.</summary>
    public int Pairs { get; }

    /// <summary>Withdrawn (ENTFALLEN) pairs that were passed in and excluded.</summary>
    public int Withdrawn { get; }

    /// <summary>Pairs whose status is not open.</summary>
    public int Answered { get; }

    /// <summary>Answered pairs assessed within the freshness window.</summary>
    public int Fresh { get; }

    /// <summary>Entbehrlich pairs without a justification (must be 0).</summary>
    public int EntbehrlichWithoutJustification { get; }

    /// <summary>Realisierungsplan items: pairs with status teilweise or nein.</summary>
    public int ActionItems { get; }

    /// <summary>Action items whose due date lies before today.</summary>
    public int OverdueActionItems { get; }

    /// <summary>Pairs with status open, teilweise or nein that have both an owner and a due date (Reifegrad 1 „geplant“).</summary>
    public int PlannedOpenItems { get; }

    /// <summary>Abdeckung: answered / pairs in scope (entbehrlich counts as answered).</summary>
    public Ratio Coverage => new(Answered, Pairs);

    /// <summary>Aktualität: fresh / answered.</summary>
    public Ratio Freshness => new(Fresh, Answered);

    /// <summary>E_B.</summary>
    public SliceScore Basis => _slices[(int)ScoreSlice.Basis];

    /// <summary>E_BS.</summary>
    public SliceScore BasisStandard => _slices[(int)ScoreSlice.BasisStandard];

    /// <summary>E_H (adopted H requirements).</summary>
    public SliceScore Hoch => _slices[(int)ScoreSlice.Hoch];

    /// <summary>All pairs in scope.</summary>
    public SliceScore All => _slices[(int)ScoreSlice.All];

    /// <summary>Grundschutz++ normal-SdT.</summary>
    public SliceScore NormalSdT => _slices[(int)ScoreSlice.NormalSdT];

    /// <summary>Grundschutz++ erhöht.</summary>
    public SliceScore Erhoeht => _slices[(int)ScoreSlice.Erhoeht];

    /// <summary>Modal verb MUSS.</summary>
    public SliceScore Muss => _slices[(int)ScoreSlice.Muss];

    /// <summary>Modal verb SOLLTE.</summary>
    public SliceScore Sollte => _slices[(int)ScoreSlice.Sollte];

    /// <summary>Modal verb KANN.</summary>
    public SliceScore Kann => _slices[(int)ScoreSlice.Kann];

    /// <summary>All slices in <see cref="ScoreSlice"/> order.</summary>
    public IReadOnlyList<SliceScore> Slices => _slices;

    /// <summary>The score of one slice.</summary>
    public SliceScore Slice(ScoreSlice slice) => _slices[(int)slice];
}
