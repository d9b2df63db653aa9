namespace Pipeline.Extraction.Text;

/// <summary>
/// A quick "certainly not in the set" for words looked up by the thousand (every word of a text against a word list):
/// a word whose length, first or last character no word of the set has is not in it, with no hash computed. Words it
/// lets through are looked up as before, so the answer is the set's own.
/// </summary>
internal sealed class WordFilter
{
    private const int Covered = 0x2000;
    private readonly bool[] _first = new bool[Covered];
    private readonly bool[] _last = new bool[Covered];
    private readonly ulong _lengths;

    public WordFilter(IEnumerable<string> words)
    {
        foreach (var w in words)
        {
            if (w.Length == 0)
            {
                _lengths |= 1; // an empty word: let every word through on length
                continue;
            }

            _lengths |= w.Length < 64 ? 1UL << w.Length : 1UL << 63;
            Mark(_first, w[0]);
            Mark(_last, w[^1]);
        }
    }

    /// <summary>False only when the word cannot be in the set.</summary>
    public bool MayContain(ReadOnlySpan<char> word)
    {
        if (word.Length == 0)
        {
            return (_lengths & 1) != 0;
        }

        var lengthBit = word.Length < 64 ? 1UL << word.Length : 1UL << 63;
        return (_lengths & lengthBit) != 0 && Has(_first, word[0]) && Has(_last, word[^1]);
    }

    // Characters past the table are let through: the set's look-up decides them.
    private static bool Has(bool[] table, char c) => c >= Covered || table[c];

    private static void Mark(bool[] table, char c)
    {
        if (c < Covered)
        {
            table[c] = true;
        }
    }
}
