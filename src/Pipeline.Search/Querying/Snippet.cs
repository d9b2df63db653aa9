using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Search.Analysis;

namespace Pipeline.Search;

/// <summary>
/// Builds a highlighted snippet from stored text: the window with the most query words, each
/// matched word marked **like this**. Words match in any spelling, so an unaccented query still
/// highlights the accented words it found. Pure; the Highlighter package is not available.
/// </summary>
public static partial class Snippet
{
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+")]
    private static partial Regex Word();

    /// <param name="text">The stored text of the document.</param>
    /// <param name="width">About how many characters the snippet keeps.</param>
    /// <param name="queryWords">The query's words as read: a word with marks matches its exact spelling (tone
    /// placement aside), so "đầu" lights up neither "dấu" nor "đấu"; a word without marks matches any spelling.</param>
    public static string Build(string text, IReadOnlyCollection<string> queryWords, int width = 240)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var matches = Find(text, queryWords);
        if (matches.Count == 0)
        {
            return Trim(text, 0, width);
        }

        // The window start that covers the most matches (two pointers over the matches in order).
        var (bestStart, bestCount) = (matches[0].Index, 0);
        for (int i = 0, j = 0; i < matches.Count; i++)
        {
            j = Math.Max(j, i);
            while (j < matches.Count && matches[j].Index + matches[j].Length <= matches[i].Index + width)
            {
                j++;
            }

            if (j - i > bestCount)
            {
                (bestStart, bestCount) = (matches[i].Index, j - i);
            }
        }

        var start = Math.Max(0, bestStart - width / 4);
        start = text.LastIndexOfAny([' ', '\n'], Math.Max(0, start)) + 1;
        var end = Math.Min(text.Length, start + width);
        var sb = new StringBuilder();
        if (start > 0)
        {
            sb.Append('…');
        }

        var at = start;
        foreach (var m in matches.Where(m => m.Index >= start && m.Index + m.Length <= end))
        {
            sb.Append(text, at, m.Index - at).Append("**").Append(text, m.Index, m.Length).Append("**");
            at = m.Index + m.Length;
        }

        sb.Append(text, at, end - at);
        if (end < text.Length)
        {
            sb.Append('…');
        }

        return sb.ToString().Replace('\n', ' ');
    }

    private static bool IsPlain(string word) => word.All(c => c < '\u0080');

    /// <summary>Where the query's words stand in the text, in order: whole words only, in the spelling each query word asks for.</summary>
    private static List<(int Index, int Length)> Find(string text, IReadOnlyCollection<string> queryWords)
    {
        var plain = queryWords.Where(IsPlain).Select(VietnameseFold.Full).Where(w => w.Length > 0).Distinct().ToList();
        var marked = queryWords.Where(w => !IsPlain(w)).Select(VietnameseFold.Exact).Where(w => w.Length > 0).Distinct().ToList();
        // Both spellings of the whole text at once: the folds keep every character in place (the text is NFC),
        // so a word found in a folded text stands at the same offsets in the text itself.
        var full = plain.Count > 0 ? VietnameseFold.Full(text) : text;
        var exact = marked.Count > 0 ? VietnameseFold.Exact(text) : text;
        if (full.Length != text.Length || exact.Length != text.Length)
        {
            return FindWordByWord(text, plain, marked); // combining marks: offsets would not line up
        }

        var found = new List<(int Index, int Length)>();
        foreach (var (folded, words) in new[] { (full, plain), (exact, marked) })
        {
            foreach (var word in words)
            {
                for (var at = folded.IndexOf(word, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(word, at + word.Length, StringComparison.Ordinal))
                {
                    if (!IsWordChar(folded, at - 1) && !IsWordChar(folded, at + word.Length))
                    {
                        found.Add((at, word.Length));
                    }
                }
            }
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found.Distinct().ToList();
    }

    private static bool IsWordChar(string text, int at) => at >= 0 && at < text.Length && char.IsLetterOrDigit(text[at]);

    private static List<(int Index, int Length)> FindWordByWord(string text, List<string> plain, List<string> marked)
    {
        var found = new List<(int Index, int Length)>();
        foreach (var m in Word().EnumerateMatches(text))
        {
            var word = text.Substring(m.Index, m.Length);
            if (plain.Contains(VietnameseFold.Full(word)) || marked.Contains(VietnameseFold.Exact(word)))
            {
                found.Add((m.Index, m.Length));
            }
        }

        return found;
    }

    private static string Trim(string text, int start, int width) =>
        (text.Length <= width ? text : text[start..Math.Min(text.Length, start + width)] + "…").Replace('\n', ' ');
}
