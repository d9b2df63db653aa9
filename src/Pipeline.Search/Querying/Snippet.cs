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
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
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

        var plain = queryWords.Where(IsPlain).Select(VietnameseFold.Full).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var marked = queryWords.Where(w => !IsPlain(w)).Select(VietnameseFold.Exact).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        // Both spellings of the whole text at once: the folds keep every character in place (the text is NFC),
        // so a word's folded spelling sits at the word's own offsets, and no word needs a string of its own.
        var (full, exact) = (VietnameseFold.Full(text), VietnameseFold.Exact(text));
        var aligned = full.Length == text.Length && exact.Length == text.Length;
        var matches = new List<(int Index, int Length)>();
        foreach (var m in Word().EnumerateMatches(text))
        {
            var hit = aligned
                ? plain.Contains(full.AsSpan(m.Index, m.Length)) || marked.Contains(exact.AsSpan(m.Index, m.Length))
                : plain.Contains(VietnameseFold.Full(text.Substring(m.Index, m.Length))) || marked.Contains(VietnameseFold.Exact(text.Substring(m.Index, m.Length)));
            if (hit)
            {
                matches.Add((m.Index, m.Length));
            }
        }

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

    private static string Trim(string text, int start, int width) =>
        (text.Length <= width ? text : text[start..Math.Min(text.Length, start + width)] + "…").Replace('\n', ' ');
}
