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

        var plain = queryWords.Where(IsPlain).Select(VietnameseFold.Full).ToHashSet(StringComparer.Ordinal);
        var marked = queryWords.Where(w => !IsPlain(w)).Select(VietnameseFold.Exact).ToHashSet(StringComparer.Ordinal);
        var matches = Word().Matches(text)
            .Where(m => plain.Contains(VietnameseFold.Full(m.Value)) || marked.Contains(VietnameseFold.Exact(m.Value))).ToList();
        if (matches.Count == 0)
        {
            return Trim(text, 0, width);
        }

        // The window start that covers the most matches.
        var (bestStart, bestCount) = (matches[0].Index, 0);
        for (var i = 0; i < matches.Count; i++)
        {
            var count = matches.Skip(i).TakeWhile(m => m.Index + m.Length <= matches[i].Index + width).Count();
            if (count > bestCount)
            {
                (bestStart, bestCount) = (matches[i].Index, count);
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
            sb.Append(text, at, m.Index - at).Append("**").Append(m.Value).Append("**");
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
