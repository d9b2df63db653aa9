using Pipeline.Core;
using Pipeline.Extraction.Figures;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Tables;

/// <summary>What the cells of a column (or a row) measure: metric, measure, unit, and whether the row's label said it.</summary>
public sealed record ColumnMeaning(Metric Metric, Measure Measure, CellUnit Unit, bool FromRow);

/// <summary>
/// A column header or a row label as the reader needs it, read once for all its cells: folded, its unit in
/// brackets, its metric phrases, and (for a header) the comparison it names with and without a percent unit.
/// </summary>
internal sealed record HeaderReading(string Text, string Key, CellUnit? Bracket, List<(CueHit Hit, MetricCue Cue)> Hits)
{
    private Measure? _measure;
    private Measure? _percentMeasure;
    private bool _measured;

    public static HeaderReading Of(string text, string key) => new(text, key, UnitReader.InBrackets(text), HeaderWords.MetricHits(key));

    public static HeaderReading Of(string text) => Of(text, MatchKey.Fold(text));

    /// <summary>
    /// A column's header from its path of header cells: a cell that is only a unit ("Triệu USD", "Tỷ đồng" under a
    /// merged "Vốn đầu tư đăng ký") gives the unit, as brackets do.
    /// </summary>
    public static HeaderReading Of(string text, IReadOnlyList<string> path)
    {
        var reading = Of(text);
        if (reading.Bracket is not null || path.Count < 2)
        {
            return reading;
        }

        foreach (var part in path)
        {
            if (UnitReader.Read(part) is { } unit)
            {
                return reading with { Bracket = unit };
            }
        }

        return reading;
    }

    public Measure? MeasureOf(bool percent)
    {
        if (!_measured)
        {
            (_measure, _percentMeasure, _measured) = (HeaderWords.MeasureOf(Key, false), HeaderWords.MeasureOf(Key, true), true);
        }

        return percent ? _percentMeasure : _measure;
    }
}

/// <summary>
/// Turns the cells of one table into figures: each number under a column whose header (or whose
/// row's label, when measures are rows) names a metric. Unit from the header's brackets, the row's
/// unit column or a unit line above the table; scope from the column, the row, a section row or the
/// caption; period from the column, the row, the caption or the document; subject from the row label
/// unless the row is a total, a period or a kind of flow.
/// </summary>
public static partial class TableFigureReader
{
    public const string ColumnRule = "table:column-header";
    public const string RowRule = "table:row-header";
    private const double Confidence = 0.9;

    public static IReadOnlyList<Figure> Read(TextTable table, DocumentContext context)
    {
        var layout = TableLayout.Read(table);
        if (layout.Width < 2 || !layout.Kinds.Contains(ColumnKind.Data))
        {
            return [];
        }

        var captionKey = MatchKey.Fold(table.Caption ?? "");
        var aboveUnit = UnitReader.FromUnitLine(table.Caption);
        // The caption's scope, else the lead's when it names one scope only ("thu hút vốn FDI từ nhiều đối tác"): it carries
        // into the table as into the sentences under it.
        var captionScope = ScopeOf(captionKey) ?? OnlyScope(table.Lead);
        var captionPeriod = aboveUnit is null ? FirstPeriod(captionKey, context.ReferenceYear) : null;
        var labelHeader = layout.LabelColumn >= 0 ? MatchKey.Fold(layout.Headers[layout.LabelColumn]) : "";
        var rowsAreMeasures = HeaderWords.MeasureLabels.IsStartOf(labelHeader) || HeaderWords.Breakdowns.IsStartOf(labelHeader);
        var columns = layout.Headers.Select((h, c) => c < layout.HeaderPaths.Count ? HeaderReading.Of(h, layout.HeaderPaths[c]) : HeaderReading.Of(h)).ToList(); // read once per table, not once per cell
        var columnKeys = columns.Select(h => h.Key).ToList();
        var columnPeriods = columnKeys.Select(k => ColumnPeriod(k, context)).ToList();
        var columnScopes = columnKeys.Select(ScopeOf).ToList();
        var columnStatic = columnKeys.Select(HeaderWords.Static.IsWithin).ToList();
        var columnEstimate = columnKeys.Select(HeaderWords.Estimates.IsWithin).ToList();
        var columnTarget = columnKeys.Select(HeaderWords.Targets.IsWithin).ToList();
        var latest = columnPeriods.Where(p => p is not null).OrderBy(p => p, StringComparer.Ordinal).LastOrDefault();

        var figures = new List<Figure>();
        Scope? sectionScope = null;
        foreach (var row in table.Rows.Skip(layout.HeaderRows))
        {
            if (row.IsSection)
            {
                sectionScope = ScopeOf(MatchKey.Fold(row.Cells.First(c => !c.IsEmpty).Text));
                continue;
            }

            var label = layout.LabelOf(row);
            var labelReading = HeaderReading.Of(label);
            var labelKey = labelReading.Key;
            Scope? labelScope = null;
            var labelScopeRead = false;
            var rowUnit = Enumerable.Range(0, Math.Min(row.Cells.Count, layout.Width))
                .Where(c => layout.Kinds[c] == ColumnKind.Unit).Select(c => UnitReader.Read(row.Cells[c].Text)).FirstOrDefault(u => u is not null);
            var rowPeriod = FirstPeriod(labelKey, context.ReferenceYear);
            var total = HeaderWords.Totals.IsStartOf(labelKey);
            var subject = SubjectOf(labelReading, rowsAreMeasures, total, rowPeriod);
            for (var c = 0; c < Math.Min(row.Cells.Count, layout.Width); c++)
            {
                if (layout.Kinds[c] != ColumnKind.Data || row.Cells[c].Number is not { } number)
                {
                    continue;
                }

                var header = layout.Headers[c];
                var reading = row.Cells[c].Reading;
                if (Decide(columns[c], labelReading, rowUnit, aboveUnit, reading) is not { } meaning)
                {
                    continue;
                }

                var period = columnStatic[c]
                    ? columnPeriods[c]
                    : columnPeriods[c]
                      ?? (meaning.Measure is Measure.PctOfSamePeriod or Measure.ChangePct or Measure.Change ? latest : null)
                      ?? rowPeriod
                      ?? captionPeriod ?? context.Period;
                if (columnScopes[c] is null && !labelScopeRead)
                {
                    (labelScope, labelScopeRead) = (ScopeOf(labelKey), true);
                }

                var cellText = row.Cells[c];
                figures.Add(new Figure
                {
                    Metric = meaning.Metric,
                    Measure = meaning.Measure,
                    Value = Numbers.DigitParser.Tidy(number * meaning.Unit.Factor),
                    Unit = meaning.Unit.Unit,
                    Approx = Approx.Exact,
                    Estimate = columnEstimate[c],
                    Target = columnTarget[c],
                    Scope = columnScopes[c] ?? labelScope ?? sectionScope ?? captionScope,
                    Period = period,
                    Text = cellText.Text,
                    Start = cellText.Start,
                    End = cellText.End,
                    Sentence = row.Line.Trim() + " — " + header,
                    Confidence = Confidence,
                    Rule = meaning.FromRow ? RowRule : ColumnRule,
                    Subject = total ? null : subject,
                });
            }
        }

        return figures;
    }

    /// <summary>
    /// What a cell measures, from its column header and its row label: metric from the column, else from
    /// the row (a transposed table); unit from brackets in either, a count's own unit, the row's unit
    /// column or the unit line above the table. Null when nothing names a metric with a unit.
    /// </summary>
    public static ColumnMeaning? Decide(string column, string row, CellUnit? rowUnit = null, CellUnit? aboveUnit = null, string? cell = null) =>
        Decide(HeaderReading.Of(column), HeaderReading.Of(row), rowUnit, aboveUnit, cell is null ? CellReading.None : CellValue.ReadCell(cell));

    /// <summary>
    /// The same, with the header and the label already read by the caller. A unit the cell writes after its number
    /// ("150 ha") wins over the headers' (the cell says it outright), and a change word before it ("tăng 8,4%",
    /// "giảm 2 dự án") makes the cell a change whatever its column compares.
    /// </summary>
    private static ColumnMeaning? Decide(HeaderReading column, HeaderReading row, CellUnit? rowUnit, CellUnit? aboveUnit, CellReading cell)
    {
        var bracket = cell.Unit ?? column.Bracket ?? row.Bracket;
        var percent = bracket?.Unit == Units.Percent || column.Key.Contains('%', StringComparison.Ordinal);
        var measure = cell.Direction != 0 ? (percent ? Measure.ChangePct : Measure.Change) : column.MeasureOf(percent) ?? Measure.Level;
        if (measure is Measure.PctOfSamePeriod or Measure.PctOfPlan or Measure.SharePct or Measure.ChangePct)
        {
            bracket = PercentUnit;
        }

        for (var side = 0; side < 2; side++)
        {
            var (hits, fromRow) = side == 0 ? (column.Hits, false) : (row.Hits, true);
            if (hits.Count == 0)
            {
                continue;
            }

            if (bracket is not null && (measure != Measure.Change || bracket.Unit != Units.Percent))
            {
                var fit = hits.FirstOrDefault(h => (h.Cue.Governs & bracket.Class) != 0).Cue;
                if (fit is not null)
                {
                    return new ColumnMeaning(fit.Metric, measure, bracket, fromRow);
                }

                continue;
            }

            var first = hits[0].Cue;
            if (HeaderWords.CountUnits.TryGetValue(first.Metric, out var count))
            {
                return new ColumnMeaning(first.Metric, measure, new CellUnit(count, 1), fromRow);
            }

            var outer = rowUnit ?? aboveUnit;
            if (outer is not null && hits.FirstOrDefault(h => (h.Cue.Governs & outer.Class) != 0).Cue is { } found)
            {
                return new ColumnMeaning(found.Metric, measure, outer, fromRow);
            }
        }

        return null;
    }

    private static readonly CellUnit PercentUnit = new(Units.Percent, 1);

    private static Scope? ScopeOf(string key)
    {
        var hits = ScopePhrases.FindAll(key);
        return hits.Count == 0 ? null : hits[0].Value;
    }

    private static Scope? OnlyScope(string? lead)
    {
        if (lead is null)
        {
            return null;
        }

        var hits = ScopePhrases.FindAll(MatchKey.Fold(lead));
        return hits.Count > 0 && hits.TrueForAll(h => h.Value == hits[0].Value) ? hits[0].Value : null;
    }

    private static readonly PhraseMatcher<Scope> ScopePhrases = new(Cues.Scopes.Select(s => (s.Phrase, s.Scope)));

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:19|20)\d{2}\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Year();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d.,])(\d{1,2}) (tháng(?: đầu| cuối)?) ((?:19|20)\d{2})(?!\d)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MonthsOfYear();

    // A column's own period; a header that only adds a year to the report's span ("9 tháng 2021") is that span in that year.
    private static string? ColumnPeriod(string key, DocumentContext context)
    {
        if (FirstPeriod(key, context.ReferenceYear) is { } period)
        {
            return period;
        }

        // Headers shorten "11 tháng năm 2024" to "11 tháng 2024": the months of that year, whatever the report's own span.
        if (MonthsOfYear().Match(key) is { Success: true } months)
        {
            return FirstPeriod($"{months.Groups[1].Value} {months.Groups[2].Value} năm {months.Groups[3].Value}", context.ReferenceYear);
        }

        var year = Year().Matches(key).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).LastOrDefault();
        if (year == 0)
        {
            return null;
        }

        return Periods.FirstYear(context.Period) is { } own ? PeriodRecognizer.Shift(context.Period, year - own) : year.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? FirstPeriod(string key, int year) =>
        key.Length == 0 ? null : PeriodRecognizer.Find(key, year).FirstOrDefault(p => !p.Comparison)?.Period;

    // The row's own thing: a named zone or company, or any label of a table whose rows are not measures, periods, totals or kinds of flow.
    private static string? SubjectOf(HeaderReading label, bool rowsAreMeasures, bool total, string? rowPeriod)
    {
        if (label.Text.Length == 0 || total || rowPeriod is not null || HeaderWords.Kinds.IsStartOf(label.Key))
        {
            return null;
        }

        // Under "Chỉ tiêu" a row naming a measure ("Dự án cấp mới") is the measure, though it starts like a project's name.
        if (rowsAreMeasures && label.Hits.Count > 0)
        {
            return null;
        }

        if (HeaderWords.Named.IsStartOf(label.Key))
        {
            return label.Text.Trim();
        }

        return rowsAreMeasures || label.Hits.Count > 0 ? null : label.Text.Trim();
    }
}
