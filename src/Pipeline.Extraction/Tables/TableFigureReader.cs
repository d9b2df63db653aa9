using Pipeline.Core;
using Pipeline.Extraction.Figures;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Tables;

/// <summary>What the cells of a column (or a row) measure: metric, measure, unit, and whether the row's label said it.</summary>
public sealed record ColumnMeaning(Metric Metric, Measure Measure, CellUnit Unit, bool FromRow);

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
        var captionScope = ScopeOf(captionKey);
        var captionPeriod = aboveUnit is null ? FirstPeriod(captionKey, context.ReferenceYear) : null;
        var labelHeader = layout.LabelColumn >= 0 ? MatchKey.Fold(layout.Headers[layout.LabelColumn]) : "";
        var rowsAreMeasures = HeaderWords.StartsWithAny(labelHeader, HeaderWords.MeasureLabels) || HeaderWords.StartsWithAny(labelHeader, HeaderWords.Breakdowns);
        var columnKeys = layout.Headers.Select(MatchKey.Fold).ToList(); // folded once per table, not once per cell
        var columnPeriods = columnKeys.Select(k => ColumnPeriod(k, context)).ToList();
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

            var label = layout.LabelColumn >= 0 && layout.LabelColumn < row.Cells.Count ? row.Cells[layout.LabelColumn].Text : "";
            var labelKey = MatchKey.Fold(label);
            var rowUnit = Enumerable.Range(0, Math.Min(row.Cells.Count, layout.Width))
                .Where(c => layout.Kinds[c] == ColumnKind.Unit).Select(c => UnitReader.Read(row.Cells[c].Text)).FirstOrDefault(u => u is not null);
            var rowPeriod = FirstPeriod(labelKey, context.ReferenceYear);
            var total = HeaderWords.StartsWithAny(labelKey, HeaderWords.Totals);
            var subject = SubjectOf(label, labelKey, rowsAreMeasures, total, rowPeriod);
            for (var c = 0; c < Math.Min(row.Cells.Count, layout.Width); c++)
            {
                if (layout.Kinds[c] != ColumnKind.Data || CellValue.Read(row.Cells[c].Text) is not { } number)
                {
                    continue;
                }

                var header = layout.Headers[c];
                var columnKey = columnKeys[c];
                if (Decide(header, columnKey, label, labelKey, rowUnit, aboveUnit) is not { } meaning)
                {
                    continue;
                }

                var period = columnPeriods[c]
                             ?? (meaning.Measure is Measure.PctOfSamePeriod or Measure.ChangePct or Measure.Change ? latest : null)
                             ?? rowPeriod
                             ?? (HeaderWords.ContainsAny(columnKey, HeaderWords.Static) ? null : captionPeriod ?? context.Period);
                if (HeaderWords.ContainsAny(columnKey, HeaderWords.Static))
                {
                    period = columnPeriods[c];
                }

                var cellText = row.Cells[c];
                figures.Add(new Figure
                {
                    Metric = meaning.Metric,
                    Measure = meaning.Measure,
                    Value = Numbers.DigitParser.Tidy(number * meaning.Unit.Factor),
                    Unit = meaning.Unit.Unit,
                    Approx = Approx.Exact,
                    Estimate = HeaderWords.ContainsAny(columnKey, HeaderWords.Estimates),
                    Target = HeaderWords.ContainsAny(columnKey, HeaderWords.Targets),
                    Scope = ScopeOf(columnKey) ?? ScopeOf(labelKey) ?? sectionScope ?? captionScope,
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
    public static ColumnMeaning? Decide(string column, string row, CellUnit? rowUnit = null, CellUnit? aboveUnit = null) =>
        Decide(column, MatchKey.Fold(column), row, MatchKey.Fold(row), rowUnit, aboveUnit);

    /// <summary>The same, with the header and the label already folded (<see cref="MatchKey.Fold"/>) by the caller.</summary>
    private static ColumnMeaning? Decide(string column, string columnKey, string row, string rowKey, CellUnit? rowUnit, CellUnit? aboveUnit)
    {
        var cell = (ColumnKey: columnKey, RowKey: rowKey, RowUnit: rowUnit, AboveUnit: aboveUnit);
        var bracket = UnitReader.InBrackets(column) ?? UnitReader.InBrackets(row);
        var percent = bracket?.Unit == Units.Percent || cell.ColumnKey.Contains('%', StringComparison.Ordinal);
        var measure = HeaderWords.MeasureOf(cell.ColumnKey, percent) ?? Measure.Level;
        if (measure is Measure.PctOfSamePeriod or Measure.PctOfPlan or Measure.SharePct or Measure.ChangePct)
        {
            bracket = new CellUnit(Units.Percent, 1);
        }

        foreach (var (key, fromRow) in new[] { (cell.ColumnKey, false), (cell.RowKey, true) })
        {
            var hits = HeaderWords.MetricHits(key);
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

            var outer = cell.RowUnit ?? cell.AboveUnit;
            if (outer is not null && hits.FirstOrDefault(h => (h.Cue.Governs & outer.Class) != 0).Cue is { } found)
            {
                return new ColumnMeaning(found.Metric, measure, outer, fromRow);
            }
        }

        return null;
    }

    private static Scope? ScopeOf(string key)
    {
        var hits = ScopePhrases.FindAll(key);
        return hits.Count == 0 ? null : hits[0].Value;
    }

    private static readonly PhraseMatcher<Scope> ScopePhrases = new(Cues.Scopes.Select(s => (s.Phrase, s.Scope)));

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:19|20)\d{2}\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Year();

    // A column's own period; a header that only adds a year to the report's span ("9 tháng 2021") is that span in that year.
    private static string? ColumnPeriod(string key, DocumentContext context)
    {
        if (FirstPeriod(key, context.ReferenceYear) is { } period)
        {
            return period;
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
    private static string? SubjectOf(string label, string key, bool rowsAreMeasures, bool total, string? rowPeriod)
    {
        if (label.Length == 0 || total || rowPeriod is not null || HeaderWords.StartsWithAny(key, HeaderWords.Kinds))
        {
            return null;
        }

        if (HeaderWords.StartsWithAny(key, HeaderWords.Named))
        {
            return label.Trim();
        }

        return rowsAreMeasures || HeaderWords.MetricHits(key).Count > 0 ? null : label.Trim();
    }
}
