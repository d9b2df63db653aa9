using System.Globalization;
using System.Text;
using Pipeline.Web.Html;

namespace Pipeline.Web.Charts;

/// <summary>
/// Charts drawn on the server as SVG: no library and no script. Every drawn point or bar carries its value,
/// period and province in data attributes (what a test compares with the store) and links to the figures
/// behind it; a point whose reports disagree has the class "conflict".
/// </summary>
public static class SvgCharts
{
    private const int Width = 820;
    private const int Left = 78;
    private const int Right = 20;
    private const int Top = 16;

    /// <summary>A line per series over <paramref name="periods"/> (the x axis, in order; a period a series lacks breaks its line).</summary>
    /// <param name="id">The element id (for the title).</param>
    /// <param name="title">What the chart shows, for screen readers.</param>
    /// <param name="periods">The x axis.</param>
    /// <param name="periodLabel">How a period is written on the axis.</param>
    /// <param name="series">Each series' name and points.</param>
    /// <param name="unit">The unit of every value.</param>
    public static Markup Line(string id, string title, IReadOnlyList<string> periods, Func<string, string> periodLabel, IReadOnlyList<(string Name, IReadOnlyList<ChartPoint> Points)> series, string unit)
    {
        const int height = 340;
        const int bottom = 56;
        var plotWidth = Width - Left - Right;
        var plotHeight = height - Top - bottom;
        var axis = ChartAxis.For([.. series.SelectMany(s => s.Points).Select(p => p.Value)], unit);
        var slot = plotWidth / (double)Math.Max(1, periods.Count);
        var index = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        double X(string period) => Left + ((index[period] + 0.5) * slot);
        double Y(decimal value) => Top + (plotHeight * (1 - axis.Fraction(value)));

        // Labels on the x axis: every period when they fit, otherwise every n-th.
        var every = Math.Max(1, (int)Math.Ceiling(periods.Count * 62.0 / plotWidth));
        var xLabels = periods.Select((p, i) => i % every == 0
            ? Markup.Of($"<text x=\"{C(X(p))}\" y=\"{height - bottom + 18}\" text-anchor=\"middle\">{periodLabel(p)}</text>")
            : Markup.Empty);
        var lines = series.Select((s, n) =>
        {
            var byPeriod = s.Points.ToDictionary(p => p.Period, StringComparer.Ordinal);
            var path = new StringBuilder();
            var pen = false;
            foreach (var period in periods)
            {
                if (byPeriod.TryGetValue(period, out var point))
                {
                    path.Append(pen ? " L" : (path.Length > 0 ? " M" : "M")).Append(C(X(period))).Append(' ').Append(C(Y(point.Value)));
                    pen = true;
                }
                else
                {
                    pen = false;
                }
            }

            var dots = s.Points.Select(p => Point(p, n, Markup.Of($"<circle class=\"point series-{n}{(p.Conflict ? " conflict" : "")}\" cx=\"{C(X(p.Period))}\" cy=\"{C(Y(p.Value))}\" r=\"5\" {Data(p)}><title>{p.Tooltip}</title></circle>")));
            return Markup.Of($"<g class=\"series\" data-series=\"{s.Name}\"><path class=\"line series-{n}\" d=\"{path.ToString()}\"/>{dots}</g>");
        });
        return Frame(id, title, height, Markup.Of($"""
            {Grid(axis, plotHeight, Y)}
            <g class="axis"><line x1="{Left}" y1="{Top + plotHeight}" x2="{Width - Right}" y2="{Top + plotHeight}"/>{xLabels}</g>
            {lines}
            """));
    }

    /// <summary>A horizontal bar per point, in the order given, from zero.</summary>
    public static Markup Bars(string id, string title, IReadOnlyList<ChartPoint> bars, string unit)
    {
        const int bar = 26;
        const int left = 150;
        const int bottom = 44;
        var height = Top + (Math.Max(1, bars.Count) * bar) + bottom;
        var plotWidth = Width - left - Right - 70;
        var axis = ChartAxis.For([.. bars.Select(b => b.Value)], unit);
        double X(decimal value) => left + (plotWidth * axis.Fraction(value));
        var zero = X(0);
        var ticks = axis.Ticks.Select(t => Markup.Of($"""
            <line x1="{C(X(t))}" y1="{Top}" x2="{C(X(t))}" y2="{height - bottom}"/><text x="{C(X(t))}" y="{height - bottom + 16}" text-anchor="middle">{axis.Label(t)}</text>
            """));
        var rows = bars.Select((b, i) =>
        {
            var y = Top + (i * bar);
            var end = X(b.Value);
            var rect = Markup.Of($"<rect class=\"bar series-0{(b.Conflict ? " conflict" : "")}\" x=\"{C(Math.Min(zero, end))}\" y=\"{y + 4}\" width=\"{C(Math.Max(1, Math.Abs(end - zero)))}\" height=\"{bar - 8}\" {Data(b)}><title>{b.Tooltip}</title></rect>");
            return Markup.Of($"""
                <text x="{left - 8}" y="{y + (bar / 2) + 4}" text-anchor="end">{b.Province}</text>
                {Point(b, 0, rect)}
                <text class="value" x="{C(Math.Max(zero, end) + 6)}" y="{y + (bar / 2) + 4}">{axis.Label(b.Value)}{(b.Conflict ? " ≠" : "")}</text>
                """);
        });
        return Frame(id, title, height, Markup.Of($"""
            <g class="grid">{ticks}</g>
            <g class="axis"><line x1="{C(zero)}" y1="{Top}" x2="{C(zero)}" y2="{height - bottom}"/><text class="axis-title" x="{left + (plotWidth / 2)}" y="{height - 6}" text-anchor="middle">{axis.Title}</text></g>
            {rows}
            """));
    }

    private static Markup Frame(string id, string title, int height, Markup content) => Markup.Of($"""
        <svg viewBox="0 0 {Width} {height}" width="{Width}" height="{height}" role="img" aria-labelledby="{id}-title" data-chart="{id}">
        <title id="{id}-title">{title}</title>
        {content}
        </svg>
        """);

    private static Markup Grid(ChartAxis axis, int plotHeight, Func<decimal, double> y) => Markup.Of($"""
        <g class="grid">{axis.Ticks.Select(t => Markup.Of($"<line x1=\"{Left}\" y1=\"{C(y(t))}\" x2=\"{Width - Right}\" y2=\"{C(y(t))}\"/>"))}</g>
        <g class="axis">{axis.Ticks.Select(t => Markup.Of($"<text x=\"{Left - 8}\" y=\"{C(y(t) + 4)}\" text-anchor=\"end\">{axis.Label(t)}</text>"))}
        <text class="axis-title" transform="translate(14 {Top + (plotHeight / 2)}) rotate(-90)" text-anchor="middle">{axis.Title}</text></g>
        """);

    // A point is a link to the figures behind it (focusable, so the keyboard reaches every point).
    private static Markup Point(ChartPoint point, int series, Markup shape) =>
        Markup.Of($"<a href=\"{point.Href}\" class=\"series-link\" data-series=\"{series}\">{shape}</a>");

    private static Markup Data(ChartPoint p) => Markup.Of(
        $"data-value=\"{p.Value.ToString(CultureInfo.InvariantCulture)}\" data-period=\"{p.Period}\" data-province=\"{p.Province}\" data-conflict=\"{(p.Conflict ? "true" : "false")}\"");

    private static string C(double value) => ChartAxis.Coord(value);
}
