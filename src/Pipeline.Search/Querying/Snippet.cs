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

    public static string Build(string text, IReadOnlyCollection<string> queryWords, int width = 240)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var wanted = queryWords.Select(VietnameseFold.Full).ToHashSet(StringComparer.Ordinal);
        var matches = Word().Matches(text).Where(m => wanted.Contains(VietnameseFold.Full(m.Value))).ToList();
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

    private static string Trim(string text, int start, int width) =>
        (text.Length <= width ? text : text[start..Math.Min(text.Length, start + width)] + "…").Replace('\n', ' ');
}
