using System.Collections;

namespace Pipeline.Extraction.Text;

/// <summary>
/// A word list kept beside its folded keys (<see cref="MatchKey.Fold"/>), so a look-up folds the text
/// it is given once and the list never: header and label checks run once per cell.
/// </summary>
public sealed class FoldedPhrases : IReadOnlyList<string>
{
    private readonly string[] _written;

    public FoldedPhrases(params string[] written)
    {
        _written = written;
        Keys = [.. written.Select(MatchKey.Fold)];
    }

    /// <summary>The phrases folded, in the order written.</summary>
    public IReadOnlyList<string> Keys { get; }

    public int Count => _written.Length;

    public string this[int index] => _written[index];

    /// <summary>Whether a folded text starts with one of the phrases as whole words.</summary>
    public bool IsStartOf(string key)
    {
        foreach (var p in Keys)
        {
            if (key.StartsWith(p, StringComparison.Ordinal) && (key.Length == p.Length || !char.IsLetterOrDigit(key[p.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a folded text holds one of the phrases as whole words.</summary>
    public bool IsWithin(string key)
    {
        foreach (var p in Keys)
        {
            if (WholeWords.Contains(key, p))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a folded text is exactly one of the phrases.</summary>
    public bool IsWhole(string key) => Keys.Contains(key, StringComparer.Ordinal);

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_written).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Whole-word search in folded text: a phrase counts only where letters and digits do not run on either side.</summary>
public static class WholeWords
{
    public static bool Contains(string key, string phrase)
    {
        var at = key.IndexOf(phrase, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(key[at - 1]);
            var after = at + phrase.Length == key.Length || !char.IsLetterOrDigit(key[at + phrase.Length]) || !char.IsLetterOrDigit(phrase[^1]);
            if (before && after)
            {
                return true;
            }

            at = key.IndexOf(phrase, at + 1, StringComparison.Ordinal);
        }

        return false;
    }
}
