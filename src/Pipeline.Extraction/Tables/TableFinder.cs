using System.Text.RegularExpressions;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Tables;

/// <summary>
/// Finds tables in the clean text: runs of "cell | cell" lines (how an HTML table is kept, and how
/// plain text writes one, with or without outer bars and a "|---|" rule), and runs of lines in
/// aligned columns (a label then the same count of numbers on each line, under one or two header lines).
/// </summary>
public static partial class TableFinder
{
    private const int MaxCaption = 120;

    [GeneratedRegex(@"^[|\s:\-–—=+]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"(?<=^|\s)(?:[+\-−]?\d[\d.,]*%?|-)(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"\([^()]{1,30}\)", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesised();

    private sealed record Line(int Start, int End, string Text)
    {
        public bool Blank => Text.AsSpan().IsWhiteSpace();

        public bool Piped => Text.Contains('|') && !RuleLine().IsMatch(Text) && Text.AsSpan().Trim().Length > 1;
    }

    public static IReadOnlyList<TextTable> Find(string clean)
    {
        var lines = Lines(clean);
        var tables = new List<TextTable>();
        var i = 0;
        while (i < lines.Count)
        {
            var table = PipeTable(lines, ref i) ?? AlignedTable(lines, ref i);
            if (table is not null)
            {
                tables.Add(table);
            }
            else
            {
                i++;
            }
        }

        return tables;
    }

    private static List<Line> Lines(string clean)
    {
        var lines = new List<Line>();
        var start = 0;
        while (start <= clean.Length)
        {
            var end = clean.IndexOf('\n', start);
            if (end < 0)
            {
                end = clean.Length;
            }

            lines.Add(new Line(start, end, clean[start..end]));
            start = end + 1;
        }

        return lines;
    }

    // A run of piped lines (rule lines skipped); one short unpiped line between blank lines and more piped lines is a section row.
    private static TextTable? PipeTable(List<Line> lines, ref int at)
    {
        if (!lines[at].Piped)
        {
            return null;
        }

        var rows = new List<TableRow>();
        var outer = OuterBars(lines[at]);
        var i = at;
        while (i < lines.Count)
        {
            var line = lines[i];
            if (line.Piped)
            {
                rows.Add(Split(line, outer));
                i++;
                continue;
            }

            if (RuleLine().IsMatch(line.Text) && !line.Blank)
            {
                i++;
                continue;
            }

            // A section row kept as its own paragraph: blank lines around it, the table going on after.
            var j = i;
            while (j < lines.Count && lines[j].Blank)
            {
                j++;
            }

            // The row after it must hold a number: a table that starts with its header row is a new table, the short
            // line above it its caption ("Một số chỉ tiêu khác:").
            if (j < lines.Count && !lines[j].Piped && lines[j].Text.Length <= MaxCaption && NextPiped(lines, j + 1) is { } next
                && Split(lines[next], outer).Cells.Any(c => c.Number is not null))
            {
                rows.Add(new TableRow([new TableCell(lines[j].Text.Trim(), lines[j].Start, lines[j].End)], lines[j].Start, lines[j].End, lines[j].Text));
                i = next;
                continue;
            }

            break;
        }

        var first = at;
        if (rows.Count < 2 || !rows.Any(r => r.Cells.Count >= 2 && r.Cells.Any(c => c.Number is not null)))
        {
            at = i - 1; // the caller steps past the last line read
            return null;
        }

        at = i;

        var (caption, lead) = Above(lines, first);
        return new TextTable(rows, rows[0].Start, rows[^1].End, caption, lead);
    }

    private static int? NextPiped(List<Line> lines, int from)
    {
        var j = from;
        while (j < lines.Count && lines[j].Blank)
        {
            j++;
        }

        return j < lines.Count && lines[j].Piped ? j : null;
    }

    // Outer bars ("| a | b |") open and close every row of a table written so; they hold no cell. The table's first row
    // tells: in a table without them, a bar at a row's start is an empty first cell (a total row without a row number: " | Cộng | 154").
    private static bool OuterBars(Line first) => first.Text.AsSpan().TrimStart().StartsWith('|') && first.Text.AsSpan().TrimEnd().EndsWith('|');

    private static TableRow Split(Line line, bool outer)
    {
        var cells = new List<TableCell>();
        var text = line.Text;
        var trimmed = text.TrimEnd();
        var from = 0;
        if (outer)
        {
            from = text.IndexOf('|', StringComparison.Ordinal) + 1;
        }

        var stop = outer ? trimmed.Length - 1 : text.Length;
        while (from <= stop)
        {
            var bar = text.IndexOf('|', from);
            var end = bar < 0 || bar > stop ? stop : bar;
            var s = from;
            var e = end;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            cells.Add(new TableCell(text[s..e], line.Start + s, line.Start + e));
            from = end + 1;
        }

        return new TableRow(cells, line.Start, line.End, text);
    }

    // The caption is a short line just above the table; the lead is the paragraph before the table (or the caption).
    private static (string? Caption, string? Lead) Above(List<Line> lines, int first)
    {
        var above = new List<string>();
        for (var j = first - 1; j >= 0 && above.Count < 2; j--)
        {
            if (!lines[j].Blank)
            {
                above.Add(lines[j].Text.Trim());
            }
        }

        if (above.Count == 0)
        {
            return (null, null);
        }

        var caption = above[0].Length <= MaxCaption && !above[0].EndsWith(':') && !above[0].EndsWith('.') ? above[0] : null;
        var lead = caption is null ? above[0] : above.Count > 1 ? above[1] : null;
        return (caption, lead);
    }

    // Lines ending in the same count (2 or more) of number cells, two at least, under header lines that give names and units.
    private static TextTable? AlignedTable(List<Line> lines, ref int at)
    {
        var count = Numbers(lines[at].Text).Count;
        if (count < 2 || lines[at].Piped)
        {
            return null;
        }

        var end = at;
        while (end < lines.Count && !lines[end].Blank && Numbers(lines[end].Text).Count == count && Label(lines[end].Text, count).Length > 0)
        {
            end++;
        }

        if (end - at < 2 || at < 1)
        {
            return null;
        }

        var header = HeaderOf(lines, at, count);
        if (header is null)
        {
            return null;
        }

        var rows = new List<TableRow> { header };
        for (var r = at; r < end; r++)
        {
            var line = lines[r];
            var tokens = Numbers(line.Text);
            var label = Label(line.Text, count);
            var cells = new List<TableCell> { new(label, line.Start, line.Start + label.Length) };
            cells.AddRange(tokens.Select(t => new TableCell(t.Value, line.Start + t.Index, line.Start + t.Index + t.Length)));
            rows.Add(new TableRow(cells, line.Start, line.End, line.Text));
        }

        var headerLines = header.Line.Count(c => c == '\n') + 1;
        var (caption, lead) = Above(lines, at - headerLines);
        at = end;
        return new TextTable(rows, rows[0].Start, rows[^1].End, caption, lead);
    }

    // The trailing number tokens of a line (a label may hold numbers of its own: "Sông Công I", "KCN Nhơn Trạch 3").
    private static List<Match> Numbers(string text)
    {
        if (!EndsInNumberToken(text))
        {
            return []; // most lines are prose: their last word is no number, so no token trails them
        }

        var all = NumberToken().Matches(text).ToList();
        var trailing = new List<Match>();
        var end = text.TrimEnd().Length;
        for (var k = all.Count - 1; k >= 0; k--)
        {
            var m = all[k];
            if (text[(m.Index + m.Length)..end].Trim().Length > 0)
            {
                break;
            }

            trailing.Insert(0, m);
            end = m.Index;
        }

        return trailing;
    }

    // A token trailing a line is its whole last word (tokens stand between blanks), so the line has trailing tokens
    // only when that word is one: a sign or none, then a digit; or a lone dash.
    private static bool EndsInNumberToken(string text)
    {
        var line = text.AsSpan().TrimEnd();
        var start = line.Length;
        while (start > 0 && !char.IsWhiteSpace(line[start - 1]))
        {
            start--;
        }

        var word = line[start..];
        if (word is "-")
        {
            return true;
        }

        if (word.Length > 0 && word[0] is '+' or '-' or '−')
        {
            word = word[1..];
        }

        return word.Length > 0 && char.IsDigit(word[0]);
    }

    private static string Label(string text, int count)
    {
        var tokens = Numbers(text);
        return tokens.Count < count ? "" : text[..tokens[^count].Index].Trim();
    }

    // A one-line header with each column's name before its unit ("Khu công nghiệp Doanh thu (tỷ đồng) Xuất khẩu (triệu USD)",
    // as a table copied with tabs reads once tabs are spaces): the names lie between the brackets, and the first starts
    // at the first metric phrase after the label column's head. Null when a column has no name there.
    private static (string LabelHead, IReadOnlyList<string> Names)? InlineNames(string text, MatchCollection units)
    {
        var names = new List<string>();
        for (var k = 1; k < units.Count; k++)
        {
            var name = text[(units[k - 1].Index + units[k - 1].Length)..units[k].Index].Trim();
            if (name.Length == 0)
            {
                return null;
            }

            names.Add(name);
        }

        var before = text[..units[0].Index];
        var hits = HeaderWords.MetricHits(MatchKey.Fold(before));
        if (hits.Count == 0)
        {
            return null;
        }

        names.Insert(0, before[hits[0].Hit.Start..].Trim());
        return (before[..hits[0].Hit.Start].Trim(), names);
    }

    // The header above aligned rows: a line with one unit in brackets per column (its text before them heads the labels),
    // and above it a line of names split where each column's metric phrase starts.
    private static TableRow? HeaderOf(List<Line> lines, int at, int count)
    {
        var unitsLine = lines[at - 1];
        var units = Parenthesised().Matches(unitsLine.Text);
        if (units.Count != count || unitsLine.Blank)
        {
            return null;
        }

        var labelHead = unitsLine.Text[..units[0].Index].Trim();
        var names = at >= 2 && !lines[at - 2].Blank ? HeaderWords.SplitNames(lines[at - 2].Text.Trim(), count) : null;
        var twoLines = names is not null;
        if (names is null && InlineNames(unitsLine.Text, units) is { } inline)
        {
            (labelHead, names) = inline;
        }

        var cells = new List<TableCell> { new(labelHead, unitsLine.Start, unitsLine.Start + labelHead.Length) };
        for (var k = 0; k < count; k++)
        {
            var unit = units[k];
            var text = names is null ? unit.Value : names[k] + " " + unit.Value;
            cells.Add(new TableCell(text, unitsLine.Start + unit.Index, unitsLine.Start + unit.Index + unit.Length));
        }

        var start = twoLines ? lines[at - 2].Start : unitsLine.Start;
        var joined = twoLines ? lines[at - 2].Text + "\n" + unitsLine.Text : unitsLine.Text;
        return new TableRow(cells, start, unitsLine.End, joined);
    }
}
