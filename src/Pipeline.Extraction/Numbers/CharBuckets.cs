namespace Pipeline.Extraction.Numbers;

/// <summary>
/// A table's phrases grouped by one character of each (its first, or its last), in the table's own order, so that a
/// look-up at a position tries only the phrases that can match there. Same answers as walking the whole table.
/// </summary>
internal sealed class CharBuckets<T>
{
    private readonly Dictionary<char, T[]> _byChar;

    public CharBuckets(IEnumerable<T> items, Func<T, char> keyOf)
    {
        _byChar = items.GroupBy(keyOf).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The phrases whose chosen character is <paramref name="c"/>, in table order.</summary>
    public T[] At(char c) => _byChar.TryGetValue(c, out var bucket) ? bucket : [];

    /// <summary>The phrases that may start at <paramref name="at"/> of <paramref name="key"/> (none past its end).</summary>
    public T[] StartingAt(string key, int at) => at < key.Length ? At(key[at]) : [];
}

/// <summary>
/// The trap spans of a text, asked in text order: which trap covers a position. Where traps overlap, the one found
/// first (by trap order, then text order) wins, as a walk over the whole list would say; a cursor that only moves
/// forward keeps each look-up to the few spans open at that point, so a long text costs linear time.
/// </summary>
internal sealed class TrapCursor
{
    private readonly (int Start, int End, string Reason, int Order)[] _byStart;
    private readonly List<(int Start, int End, string Reason, int Order)> _open = [];
    private int _next;
    private int _last = -1;

    public TrapCursor(List<(int Start, int End, string Reason)> spans)
    {
        _byStart = new (int, int, string, int)[spans.Count];
        for (var i = 0; i < spans.Count; i++)
        {
            _byStart[i] = (spans[i].Start, spans[i].End, spans[i].Reason, i);
        }

        Array.Sort(_byStart, (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Order.CompareTo(b.Order));
    }

    /// <summary>The reason of the first trap covering <paramref name="position"/>, or null; positions must not go back.</summary>
    public string? At(int position)
    {
        if (position < _last)
        {
            throw new InvalidOperationException("trap look-ups must come in text order");
        }

        _last = position;
        while (_next < _byStart.Length && _byStart[_next].Start <= position)
        {
            _open.Add(_byStart[_next++]);
        }

        for (var i = _open.Count - 1; i >= 0; i--)
        {
            if (_open[i].End <= position)
            {
                _open.RemoveAt(i);
            }
        }

        string? reason = null;
        var first = int.MaxValue;
        foreach (var span in _open)
        {
            if (span.Order < first)
            {
                (first, reason) = (span.Order, span.Reason);
            }
        }

        return reason;
    }
}
