using Grundschutz.Domain.Scoring;

namespace Grundschutz.Infrastructure.Scoring;

/// <summary>
/// Keeps recently scored assessments so that the report page and its chart and download requests do not load and
/// score a large assessment again and again. An entry is only used while its <see cref="ScoreKey"/> still matches:
/// the assessment's concurrency stamp (renewed on every change of the row, the scope or the workflow), the number of
/// answers and their revision (raised by every save that changes answers), and the reference date. When only the
/// answers changed, <see cref="AssessmentScoreService"/> updates the latest entry with the answers saved since. Bounded
/// by the number of pairs held (least recently used entries go first), not by time.
/// </summary>
public sealed class ScoreCache
{
    /// <summary>Most pairs kept over all entries (a full Kompendium assessment has 73,400).</summary>
    public const int MaxPairs = 400_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<(Guid Id, bool AsPrevious), Entry> _entries = [];
    private long _clock;

    /// <summary>The cached score for the key, or null.</summary>
    internal CachedScore? Get(Guid id, bool asPrevious, ScoreKey key)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue((id, asPrevious), out var entry) && entry.Key == key)
            {
                entry.LastUse = ++_clock;
                return entry.Score;
            }

            return null;
        }
    }

    /// <summary>The latest cached score of the assessment whatever its key (to be brought up to date), or null.</summary>
    internal (ScoreKey Key, CachedScore Score)? Latest(Guid id, bool asPrevious)
    {
        lock (_lock)
        {
            return _entries.TryGetValue((id, asPrevious), out var entry) ? (entry.Key, entry.Score) : null;
        }
    }

    /// <summary>Stores a score, evicting the least recently used entries beyond <see cref="MaxPairs"/>.</summary>
    internal void Set(Guid id, bool asPrevious, ScoreKey key, CachedScore score)
    {
        lock (_lock)
        {
            _entries[(id, asPrevious)] = new Entry(key, score) { LastUse = ++_clock };
            var total = _entries.Values.Sum(e => (long)e.Score.Report.Input.Pairs.Count);
            while (total > MaxPairs && _entries.Count > 1)
            {
                var oldest = _entries.MinBy(e => e.Value.LastUse);
                total -= oldest.Value.Score.Report.Input.Pairs.Count;
                _entries.Remove(oldest.Key);
            }
        }
    }

    private sealed class Entry(ScoreKey key, CachedScore score)
    {
        public ScoreKey Key { get; } = key;

        public CachedScore Score { get; } = score;

        public long LastUse { get; set; }
    }
}
