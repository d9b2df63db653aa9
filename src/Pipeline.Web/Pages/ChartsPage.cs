using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Application;
using Pipeline.Storage;
using Pipeline.Web.Charts;
using Pipeline.Web.Html;
using Pipeline.Web.Http;

namespace Pipeline.Web.Pages;

/// <summary>
/// /charts: from the linked facts (one value per fact, conflicting reports marked), a metric over time for
/// chosen provinces (a line chart) and the provinces compared for one period (a bar chart), each drawn as
/// SVG on the server with a table of the same values below it; every point links to the figures behind it.
/// </summary>
public static class ChartsPage
{
    /// <summary>The page's parameters.</summary>
    public static readonly IReadOnlyList<string> Names = ["metric", "measure", "scope", "unit", "province", "grain", "from", "to", "period"];

    private static readonly Texts S = new()
    {
        ["title"] = ("Biểu đồ", "Charts"),
        ["lead"] = ("Vẽ từ các sự kiện số liệu đã liên kết: mỗi tỉnh, chỉ tiêu và kỳ một giá trị; khi các bản tin báo khác nhau, điểm được viền đỏ. Bấm vào một điểm để xem các số liệu và tài liệu phía sau.", "Drawn from the linked facts: one value per province, metric and period; when the bulletins disagree, the point is outlined in red. Click a point for the figures and documents behind it."),
        ["form"] = ("Chọn biểu đồ", "Choose the charts"),
        ["metric"] = ("Chỉ tiêu", "Metric"),
        ["measure"] = ("Đo lường", "Measure"),
        ["scope"] = ("Khu vực vốn", "Scope"),
        ["unit"] = ("Đơn vị", "Unit"),
        ["auto"] = ("Tự chọn (nhiều nhất)", "Automatic (most facts)"),
        ["grain"] = ("Theo", "By"),
        ["grain-year"] = ("Năm", "Year"),
        ["grain-quarter"] = ("Quý", "Quarter"),
        ["from"] = ("Từ năm", "From year"),
        ["to"] = ("Đến năm", "To year"),
        ["provinces"] = ("Tỉnh trên biểu đồ đường", "Provinces on the line chart"),
        ["period"] = ("Kỳ so sánh", "Period compared"),
        ["draw"] = ("Vẽ", "Draw"),
        ["over-time"] = ("{0} theo thời gian", "{0} over time"),
        ["compare"] = ("{0}: so sánh các tỉnh, kỳ {1}", "{0}: provinces compared, {1}"),
        ["no-facts"] = ("Không có sự kiện số liệu nào cho lựa chọn này.", "No fact matches this choice."),
        ["slices"] = ("Có dữ liệu cho:", "Facts exist for:"),
        ["table-time"] = ("Giá trị trên biểu đồ đường", "The values of the line chart"),
        ["table-compare"] = ("Giá trị trên biểu đồ cột", "The values of the bar chart"),
        ["col-province"] = ("Tỉnh", "Province"),
        ["col-period"] = ("Kỳ", "Period"),
        ["col-value"] = ("Giá trị", "Value"),
        ["col-reports"] = ("Số tài liệu", "Documents"),
        ["col-note"] = ("Ghi chú", "Note"),
        ["col-figures"] = ("Số liệu gốc", "Figures"),
        ["see"] = ("Xem", "See"),
        ["conflict"] = ("các bản tin báo khác nhau: {0} đến {1}", "the bulletins disagree: {0} to {1}"),
        ["range"] = ("các giá trị trong tài liệu: {0} đến {1}", "values in the documents: {0} to {1}"),
        ["legend-conflict"] = ("viền đỏ, ≠: các bản tin báo khác nhau", "red outline, ≠: the bulletins disagree"),
        ["quarter"] = ("Q{1}/{0}", "Q{1} {0}"),
    };

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/charts", (HttpContext http, WebData data) =>
    {
        var page = PageContext.Of(http);
        var p = new Params(http.Request.Query, Names);
        if (!data.HasDocuments())
        {
            return Respond.Html(EmptyStore.Page(page));
        }

        using var store = data.OpenStore();
        var request = Read(p, FigureQueries.Units(store));
        var charts = FactQueries.Charts(store, request);
        return Respond.Html(Layout.Page(page, S.Get("title", page.Lang), Render(page, request, charts)));
    });

    /// <summary>The request's choices, strictly: an unknown name or value is a 400 naming it.</summary>
    private static ChartRequest Read(Params p, IReadOnlyList<string> units)
    {
        var from = p.Int("from", 1900, 2100);
        var to = p.Int("to", 1900, 2100);
        if (from > to)
        {
            throw Refusals.Swapped("from", from, "to", to);
        }

        var provinces = p.All("province").Select(typed => FigureQueries.Province(typed)
            ?? throw Refusals.UnknownProvince(typed, FigureQueries.ClosestProvince(typed))).ToList();
        var grain = p.Choice("grain", ["year", "quarter"]);
        return new ChartRequest
        {
            Metric = p.Choice("metric", FigureQueries.Metrics) ?? "investment_capital",
            Measure = p.Choice("measure", FigureQueries.Measures) ?? "level",
            Scope = p.Choice("scope", FigureQueries.Scopes),
            Unit = p.Choice("unit", units),
            Provinces = provinces,
            Grain = grain is null ? null : grain == "year" ? PeriodGrain.Year : PeriodGrain.Quarter,
            FromYear = from,
            ToYear = to,
            Period = FigureSelection.Period(p),
        };
    }

    private static Markup Render(PageContext page, ChartRequest request, ChartSet charts)
    {
        string T(string key) => S.Get(key, page.Lang);
        var metric = FigureLabels.Metric(charts.Slice.Metric, page.Lang);
        var measure = FigureLabels.Measure(charts.Slice.Measure, page.Lang);
        var what = string.Create(CultureInfo.InvariantCulture, $"{metric} ({measure}, {FigureLabels.Scope(charts.Slice.Scope, page.Lang)}, {charts.Slice.Unit})");
        var timeTitle = string.Format(CultureInfo.InvariantCulture, T("over-time"), what);
        var compareTitle = string.Format(CultureInfo.InvariantCulture, T("compare"), what, charts.Compare.Period is { } cp ? PeriodLabel(page, cp) : "");

        var series = charts.Time.Series.Select(s => (s.Province, (IReadOnlyList<ChartPoint>)[.. s.Points.Select(f => Point(page, f))])).ToList();
        var bars = charts.Compare.Bars.Select(f => Point(page, f)).ToList();
        var time = series.Any(s => s.Item2.Count > 0)
            ? Markup.Of($"""
                <figure class="chart line-chart">
                {SvgCharts.Line("time", timeTitle, charts.Time.Periods, p => PeriodLabel(page, p), series, charts.Slice.Unit)}
                <figcaption>{Legend(page, charts.Time.Series.Select(s => s.Province))}</figcaption>
                </figure>
                {Table(page, "table-time", charts.Time.Series.SelectMany(s => s.Points))}
                """)
            : Markup.Of($"<p class=\"muted\" role=\"status\">{T("no-facts")}</p>");
        var compare = bars.Count > 0
            ? Markup.Of($"""
                <figure class="chart bar-chart">
                {SvgCharts.Bars("compare", compareTitle, bars, charts.Slice.Unit)}
                <figcaption>{T("legend-conflict")}</figcaption>
                </figure>
                {Table(page, "table-compare", charts.Compare.Bars)}
                """)
            : Markup.Of($"<p class=\"muted\" role=\"status\">{T("no-facts")}</p>");
        return Markup.Of($"""
            <h1>{T("title")}</h1>
            <p class="muted">{T("lead")}</p>
            {Form(page, request, charts)}
            <h2>{timeTitle}</h2>
            {time}
            <h2>{compareTitle}</h2>
            {compare}
            """);
    }

    private static ChartPoint Point(PageContext page, StoredFact f)
    {
        var value = VietnameseFormat.Amount(f.Value, f.Unit);
        var tip = string.Create(CultureInfo.InvariantCulture, $"{f.Province}, {PeriodLabel(page, f.Period)}: {value}{(f.Conflict ? " ≠" : "")}");
        return new ChartPoint(f.Province, f.Period, f.Value, f.Conflict, FiguresOf(page, f), tip);
    }

    /// <summary>The figures page filtered to the figures behind a fact (they link to their documents).</summary>
    private static string FiguresOf(PageContext page, StoredFact f) => Links.To("/figures", ("fact", f.Key), ("lang", page.LangParam));

    private static string PeriodLabel(PageContext page, string period) =>
        FactQueries.GrainOf(period) == PeriodGrain.Quarter
            ? string.Format(CultureInfo.InvariantCulture, S.Get("quarter", page.Lang), period[..4], period[^1])
            : period;

    private static Markup Legend(PageContext page, IEnumerable<string> provinces) => Markup.Of($"""
        <ul class="legend">{provinces.Select((p, i) => Markup.Of($"<li><span class=\"swatch series-{i}\" aria-hidden=\"true\"></span>{p}</li>"))}<li class="muted">{S.Get("legend-conflict", page.Lang)}</li></ul>
        """);

    /// <summary>The chart's values as a table, for screen readers and for copying.</summary>
    private static Markup Table(PageContext page, string caption, IEnumerable<StoredFact> facts)
    {
        string T(string key) => S.Get(key, page.Lang);
        var rows = facts.Select(f =>
        {
            var note = f.ValueMin == f.ValueMax
                ? ""
                : string.Format(CultureInfo.InvariantCulture, T(f.Conflict ? "conflict" : "range"), VietnameseFormat.Amount(f.ValueMin, f.Unit), VietnameseFormat.Amount(f.ValueMax, f.Unit));
            return Markup.Of($"""
                <tr data-province="{f.Province}" data-period="{f.Period}" data-value="{f.Value.ToString(CultureInfo.InvariantCulture)}"{(f.Conflict ? Markup.Of($" class=\"conflict\"") : Markup.Empty)}>
                <td>{f.Province}</td><td>{PeriodLabel(page, f.Period)}</td><td class="num">{VietnameseFormat.Amount(f.Value, f.Unit)}{(f.Conflict ? " ≠" : "")}</td>
                <td class="num">{f.Documents}</td><td>{note}</td><td><a href="{FiguresOf(page, f)}">{T("see")} ({f.Reports})</a></td>
                </tr>
                """);
        });
        return Markup.Of($"""
            <div class="table-wrap">
            <table class="data chart-values" data-for="{caption}">
            <caption>{T(caption)}</caption>
            <thead><tr><th scope="col">{T("col-province")}</th><th scope="col">{T("col-period")}</th><th scope="col">{T("col-value")}</th><th scope="col">{T("col-reports")}</th><th scope="col">{T("col-note")}</th><th scope="col">{T("col-figures")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            """);
    }

    private static Markup Form(PageContext page, ChartRequest request, ChartSet charts)
    {
        string T(string key) => S.Get(key, page.Lang);
        var lang = page.Lang;
        Markup Select(string name, IEnumerable<(string Value, string Label)> options, string? current, bool auto) => Markup.Of($"""
            <label>{T(name)}<select name="{name}">{(auto ? Option("", T("auto"), current is null) : Markup.Empty)}{options.Select(o => Option(o.Value, o.Label, o.Value == current))}</select></label>
            """);
        var scopes = charts.Slices.Select(s => s.Slice.Scope).Distinct().Select(s => (s, FigureLabels.Scope(s, lang)));
        var units = charts.Slices.Where(s => s.Slice.Scope == charts.Slice.Scope).Select(s => s.Slice.Unit).Distinct().Select(u => (u, u));
        var grains = charts.Grains.Select(g => g == PeriodGrain.Year ? ("year", T("grain-year")) : ("quarter", T("grain-quarter")));
        var chosen = charts.ChosenProvinces.ToHashSet(StringComparer.Ordinal);
        var provinceList = charts.ChosenProvinces.Where(p => charts.Provinces.All(c => c.Value != p)).Select(p => new ChartChoice(p, 0)).Concat(charts.Provinces);
        var boxes = provinceList.Select(c => chosen.Contains(c.Value)
            ? Markup.Of($"<label class=\"check\"><input type=\"checkbox\" name=\"province\" value=\"{c.Value}\" checked> {c.Value} <span class=\"muted\">({c.Count})</span></label>")
            : Markup.Of($"<label class=\"check\"><input type=\"checkbox\" name=\"province\" value=\"{c.Value}\"> {c.Value} <span class=\"muted\">({c.Count})</span></label>"));
        var periods = charts.Periods.Select(c => (c.Value, $"{PeriodLabel(page, c.Value)} ({c.Count.ToString(CultureInfo.InvariantCulture)})"));
        var grainValue = request.Grain is null ? null : request.Grain == PeriodGrain.Year ? "year" : "quarter";
        return Markup.Of($"""
            <form class="filters charts-form" method="get" action="/charts" aria-label="{T("form")}">
            {(page.LangParam is { } l ? Markup.Of($"<input type=\"hidden\" name=\"lang\" value=\"{l}\">") : Markup.Empty)}
            {Select("metric", FigureQueries.Metrics.Select(m => (m, FigureLabels.Metric(m, lang))), charts.Slice.Metric, auto: false)}
            {Select("measure", FigureQueries.Measures.Select(m => (m, FigureLabels.Measure(m, lang))), charts.Slice.Measure, auto: false)}
            {Select("scope", scopes, request.Scope, auto: true)}
            {Select("unit", units, request.Unit, auto: true)}
            {Select("grain", grains, grainValue ?? "year", auto: false)}
            <label>{T("from")}<input type="number" name="from" min="1900" max="2100" value="{request.FromYear}"></label>
            <label>{T("to")}<input type="number" name="to" min="1900" max="2100" value="{request.ToYear}"></label>
            {Select("period", periods, request.Period, auto: true)}
            <fieldset class="provinces"><legend>{T("provinces")}</legend>{boxes}</fieldset>
            <button type="submit">{T("draw")}</button>
            </form>
            """);
    }

    private static Markup Option(string value, string label, bool selected) => selected
        ? Markup.Of($"<option value=\"{value}\" selected>{label}</option>")
        : Markup.Of($"<option value=\"{value}\">{label}</option>");
}
