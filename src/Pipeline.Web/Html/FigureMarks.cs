using Pipeline.Core;

namespace Pipeline.Web.Html;

/// <summary>
/// A text with its figures highlighted in place: each figure's span (its start and end offsets) becomes
/// <c>&lt;mark class="figure" id="f-N"&gt;</c>, N being the figure's number in its list (1-based). The text is
/// encoded piece by piece, so offsets can never split markup; a span out of the text's range, empty, or
/// overlapping a span already marked is left unmarked (and reported), never an error.
/// </summary>
public static class FigureMarks
{
    /// <summary>The mark's id for figure <paramref name="index"/> (0-based) of a list.</summary>
    public static string Id(int index) => "f-" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The highlighted text, and the indexes of the figures that got a mark.</summary>
    public static (Markup Html, IReadOnlySet<int> Marked) Highlight(string text, IReadOnlyList<Figure> figures)
    {
        var spans = figures
            .Select((figure, index) => (figure.Start, figure.End, Index: index))
            .Where(s => s.Start >= 0 && s.End <= text.Length && s.Start < s.End)
            .OrderBy(s => s.Start)
            .ThenByDescending(s => s.End)
            .ThenBy(s => s.Index);
        var parts = new List<Markup>();
        var marked = new HashSet<int>();
        var cursor = 0;
        foreach (var (start, end, index) in spans)
        {
            if (start < cursor)
            {
                continue; // inside or across a span already marked: marks cannot overlap
            }

            parts.Add(Markup.Text(text[cursor..start]));
            parts.Add(Markup.Of($"<mark class=\"figure\" id=\"{Id(index)}\">{text[start..end]}</mark>"));
            marked.Add(index);
            cursor = end;
        }

        parts.Add(Markup.Text(text[cursor..]));
        return (Markup.Join(parts), marked);
    }
}
