namespace Grundschutz.Domain.Scoring;

/// <summary>
/// A read-only list whose items are made on access from compact entries (pair indices and flags), so that
/// scoring 73,400 pairs does not allocate one object per blocker or plan item up front.
/// </summary>
internal sealed class IndexedList<TEntry, TItem>(IReadOnlyList<TEntry> entries, Func<TEntry, int, TItem> make) : IReadOnlyList<TItem>
{
    public int Count => entries.Count;

    public TItem this[int index] => make(entries[index], index);

    public IEnumerator<TItem> GetEnumerator()
    {
        for (var i = 0; i < entries.Count; i++)
        {
            yield return make(entries[i], i);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
