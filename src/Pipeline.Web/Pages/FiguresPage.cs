using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Application;
using Pipeline.Storage;
using Pipeline.Web.Html;
using Pipeline.Web.Http;

namespace Pipeline.Web.Pages;

/// <summary>
/// The figures matching a filter, as read from a request's query: the filter, the sort and the page. The
/// same parameters drive the page, its downloads and /api/figures, so a link or a download is always the
/// selection on screen.
/// </summary>
public sealed partial record FigureSelection(FigureFilter Filter, string Sort, int Page)
{
    /// <summary>The filter parameters, with the sort and page.</summary>
    public static readonly IReadOnlyList<string> Names = ["province", "from", "to", "type", "metric", "measure", "scope", "period", "min", "max", "unit", "fact", "sort", "page"];

    /// <summary>The sort names: a column, descending with a leading "-".</summary>
    public static readonly IReadOnlyList<string> Sorts =
        [.. Enum.GetValues<FigureSort>().SelectMany(s => new[] { Key(s), "-" + Key(s) })];

    public const string DefaultSort = "-published";

    public FigureSort SortColumn => Enum.GetValues<FigureSort>().First(s => Key(s) == Sort.TrimStart('-'));

    public bool Descending => Sort.StartsWith('-');

    /// <summary>The state as query parameters (empty ones are left out of links).</summary>
    public IEnumerable<(string Name, string? Value)> Pairs(bool withSort = true, bool withPage = true)
    {
        yield return ("province", Filter.Province);
        yield return ("from", Filter.FromYear?.ToString(CultureInfo.InvariantCulture));
        yield return ("to", Filter.ToYear?.ToString(CultureInfo.InvariantCulture));
        yield return ("type", Filter.PageType);
        yield return ("metric", Filter.Metric);
        yield return ("measure", Filter.Measure);
        yield return ("scope", Filter.Scope);
        yield return ("period", Filter.Period);
        yield return ("min", Filter.Min?.ToString(CultureInfo.InvariantCulture));
        yield return ("max", Filter.Max?.ToString(CultureInfo.InvariantCulture));
        yield return ("unit", Filter.Unit);
        yield return ("fact", Filter.Fact);
        if (withSort)
        {
            yield return ("sort", Sort == DefaultSort ? null : Sort);
        }

        if (withPage)
        {
            yield return ("page", Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static string Key(FigureSort sort) => sort.ToString().ToLowerInvariant();

    /// <summary>Reads the selection strictly: an unknown parameter or a value that is not one of the allowed is a 400 naming it.</summary>
    /// <param name="query">The request's query.</param>
    /// <param name="units">The units the store holds and the extractor gives.</param>
    /// <param name="extra">More parameters the caller reads itself (e.g. the API's page size).</param>
    public static (FigureSelection Selection, Params Params) Read(IQueryCollection query, IReadOnlyList<string> units, params IEnumerable<string> extra)
    {
        var p = new Params(query, Names.Concat(extra));
        var province = p.Text("province", 100) is { } typed
            ? FigureQueries.Province(typed) ?? throw Refusals.UnknownProvince(typed, FigureQueries.ClosestProvince(typed))
            : null;
        var from = p.Int("from", 1900, 2100);
        var to = p.Int("to", 1900, 2100);
        if (from > to)
        {
            throw Refusals.Swapped("from", from, "to", to);
        }

        var min = p.Decimal("min");
        var max = p.Decimal("max");
        if (min > max)
        {
            throw Refusals.Swapped("min", min, "max", max);
        }

        var period = Period(p);

        var filter = new FigureFilter
        {
            Province = province,
            FromYear = from,
            ToYear = to,
            PageType = p.Choice("type", Pipeline.Learning.Pages.PageTypes.All),
            Metric = p.Choice("metric", FigureQueries.Metrics),
            Measure = p.Choice("measure", FigureQueries.Measures),
            Scope = p.Choice("scope", FigureQueries.Scopes),
            Period = period,
            Min = min,
            Max = max,
            Unit = p.Choice("unit", units),
            Fact = p.Text("fact", 300),
        };
        return (new FigureSelection(filter, p.Choice("sort", Sorts) ?? DefaultSort, p.Int("page", 1, 100_000) ?? 1), p);
    }

    /// <summary>The "period" parameter, which must be written as the figures write periods.</summary>
    public static string? Period(Params p)
    {
        var period = p.Text("period", 40);
        return period is null || PeriodPattern().IsMatch(period)
            ? period
            : throw Refusals.Period(period);
    }

    // A period as FIGURES.md writes it: a year, a quarter, a half, a month, a range of those, or "..END" (cumulative).
    [GeneratedRegex(@"^(\d{4}(-(Q[1-4]|H[12]|\d{2}))?)?(\.\.(\d{4}(-(Q[1-4]|H[12]|\d{2}))?)?)?$")]
    private static partial Regex PeriodPattern();
}

/// <summary>
/// /figures: the figures matching the filters as a sortable, paged table, each with its sentence and
/// document; /figures.csv and /figures.json download the whole selection as the export's figures table.
/// </summary>
public static class FiguresPage
{
    public const int PageSize = 50;

    private static readonly Texts S = new()
    {
        ["title"] = ("Số liệu", "Figures"),
        ["lead"] = ("Mọi số liệu trích từ bản tin, lọc theo tỉnh, năm đăng, loại trang, chỉ tiêu và khoảng giá trị.", "Every figure extracted from the bulletins, filtered by province, year published, page type, metric and value range."),
        ["filters"] = ("Bộ lọc", "Filters"),
        ["province"] = ("Tỉnh, thành phố", "Province"),
        ["from"] = ("Năm đăng từ", "Published from"),
        ["to"] = ("Năm đăng đến", "Published to"),
        ["type"] = ("Loại trang", "Page type"),
        ["metric"] = ("Chỉ tiêu", "Metric"),
        ["measure"] = ("Đo lường", "Measure"),
        ["scope"] = ("Khu vực vốn", "Scope"),
        ["period"] = ("Kỳ", "Period"),
        ["min"] = ("Giá trị từ", "Value from"),
        ["max"] = ("Giá trị đến", "Value to"),
        ["unit"] = ("Đơn vị", "Unit"),
        ["fact"] = ("Sự kiện số liệu", "Fact"),
        ["any"] = ("Tất cả", "Any"),
        ["base-units"] = ("theo đơn vị gốc: 500 triệu USD là 500.000.000", "in base units: 500 million USD is 500000000"),
        ["apply"] = ("Lọc", "Filter"),
        ["clear"] = ("Bỏ lọc", "Clear"),
        ["count"] = ("số liệu", "figures"),
        ["count-one"] = ("số liệu", "figure"),
        ["page-of"] = ("trang {0}/{1}", "page {0} of {1}"),
        ["download"] = ("Tải về", "Download"),
        ["csv"] = ("CSV (cột của pipeline export)", "CSV (the columns of pipeline export)"),
        ["json"] = ("JSON (cột của pipeline export)", "JSON (the columns of pipeline export)"),
        ["none"] = ("Không có số liệu nào khớp với bộ lọc.", "No figure matches the filters."),
        ["past-end"] = ("Trang này nằm sau trang cuối.", "This page is past the last one."),
        ["table"] = ("Các số liệu khớp với bộ lọc", "The figures matching the filters"),
        ["col-metric"] = ("Chỉ tiêu", "Metric"),
        ["col-measure"] = ("Đo lường", "Measure"),
        ["col-value"] = ("Giá trị", "Value"),
        ["col-unit"] = ("Đơn vị", "Unit"),
        ["col-period"] = ("Kỳ", "Period"),
        ["col-scope"] = ("Khu vực", "Scope"),
        ["col-province"] = ("Tỉnh", "Province"),
        ["col-document"] = ("Tài liệu", "Document"),
        ["col-sentence"] = ("Câu gốc", "Sentence"),
        ["sort-by"] = ("Sắp xếp theo", "Sort by"),
        ["paging"] = ("Các trang kết quả", "Result pages"),
        ["prev"] = ("« Trước", "« Previous"),
        ["next"] = ("Sau »", "Next »"),
        ["page"] = ("Trang", "Page"),
    };

    /// <summary>The sortable columns in table order, with their text key.</summary>
    private static readonly (FigureSort Sort, string Key)[] Columns =
    [
        (FigureSort.Metric, "col-metric"),
        (FigureSort.Measure, "col-measure"),
        (FigureSort.Value, "col-value"),
        (FigureSort.Unit, "col-unit"),
        (FigureSort.Period, "col-period"),
        (FigureSort.Scope, "col-scope"),
        (FigureSort.Province, "col-province"),
        (FigureSort.Document, "col-document"),
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/figures", (HttpContext http, WebData data) =>
        {
            var page = PageContext.Of(http);
            if (!data.HasDocuments())
            {
                _ = new Params(http.Request.Query, FigureSelection.Names);
                return Respond.Html(EmptyStore.Page(page));
            }

            using var store = data.OpenStore();
            var choices = FigureQueries.Choices(store);
            var (selection, _) = FigureSelection.Read(http.Request.Query, choices.Units);
            var found = FigureQueries.Find(store, selection.Filter, selection.SortColumn, selection.Descending, selection.Page, PageSize);
            return Respond.Html(Layout.Page(page, S.Get("title", page.Lang), Render(page, selection, choices, found)));
        });
        app.MapGet("/figures.csv", (HttpContext http, WebData data) => DownloadAsync(http, data, FigureDownload.Csv));
        app.MapGet("/figures.json", (HttpContext http, WebData data) => DownloadAsync(http, data, FigureDownload.Json));
    }

    /// <summary>The whole selection (every page, in the page's order) as the export's figures table.</summary>
    private static async Task DownloadAsync(HttpContext http, WebData data, FigureDownload format)
    {
        if (!data.HasDocuments())
        {
            throw new BadHttpRequestException("the store holds no documents yet; run `pipeline run` first", StatusCodes.Status404NotFound);
        }

        using var store = data.OpenStore();
        var (selection, _) = FigureSelection.Read(http.Request.Query, FigureQueries.Units(store));
        var (type, extension) = format == FigureDownload.Csv ? ("text/csv; charset=utf-8", "csv") : ("application/json; charset=utf-8", "json");
        http.Response.ContentType = type;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"figures.{extension}\"";
        await FigureQueries.WriteAsync(store, selection.Filter, selection.SortColumn, selection.Descending, format, http.Response.Body, http.RequestAborted).ConfigureAwait(false);
    }

    private static Markup Render(PageContext page, FigureSelection selection, FigureChoices choices, FigurePage found)
    {
        string T(string key) => S.Get(key, page.Lang);
        var count = string.Create(CultureInfo.InvariantCulture, $"{VietnameseFormat.Number(found.Total)} {(found.Total == 1 ? T("count-one") : T("count"))}");
        var pageOf = string.Format(CultureInfo.InvariantCulture, T("page-of"), found.Page, found.Pages);
        var downloads = selection.Pairs(withPage: false).ToList(); // the whole selection, every page
        var body = found.Figures.Count > 0
            ? Table(page, selection, found)
            : Markup.Of($"<p class=\"muted\" role=\"status\">{(found.Total > 0 ? T("past-end") : T("none"))}</p>");
        return Markup.Of($"""
            <h1>{T("title")}</h1>
            <p class="muted">{T("lead")}</p>
            {Filters(page, selection, choices)}
            <p class="summary" role="status"><strong data-total="{found.Total}">{count}</strong> · {pageOf}</p>
            <div class="downloads"><span>{T("download")}:</span>
            <a class="button secondary" href="{Links.To("/figures.csv", downloads)}" download>{T("csv")}</a>
            <a class="button secondary" href="{Links.To("/figures.json", downloads)}" download>{T("json")}</a>
            </div>
            {body}
            {Paging(page, selection, found)}
            """);
    }

    private static Markup Filters(PageContext page, FigureSelection selection, FigureChoices choices)
    {
        string T(string key) => S.Get(key, page.Lang);
        var f = selection.Filter;
        var lang = page.Lang;
        Markup Select(string name, IEnumerable<(string Value, string Label)> options, string? current) => Markup.Of($"""
            <label>{T(name)}<select name="{name}"><option value="">{T("any")}</option>{options.Select(o => Option(o.Value, o.Label, o.Value == current))}</select></label>
            """);
        var hidden = new List<Markup>();
        if (page.LangParam is { } l)
        {
            hidden.Add(Markup.Of($"<input type=\"hidden\" name=\"lang\" value=\"{l}\">"));
        }

        if (selection.Sort != FigureSelection.DefaultSort)
        {
            hidden.Add(Markup.Of($"<input type=\"hidden\" name=\"sort\" value=\"{selection.Sort}\">"));
        }

        if (f.Fact is { } fact)
        {
            hidden.Add(Markup.Of($"<input type=\"hidden\" name=\"fact\" value=\"{fact}\">"));
        }

        var factNote = f.Fact is { } key
            ? Markup.Of($"<p class=\"fact-filter\">{T("fact")}: <code>{key}</code> · <a href=\"{Links.To("/figures", selection.Pairs(withPage: false).Where(p => p.Name != "fact").Append(("lang", page.LangParam)))}\">{T("clear")}</a></p>")
            : Markup.Empty;
        return Markup.Of($"""
            <form class="filters" method="get" action="/figures" role="search" aria-label="{T("filters")}" data-autosubmit>
            {Markup.Join(hidden)}
            {Select("province", choices.Provinces.Select(p => (p, p)), f.Province)}
            <label>{T("from")}<input type="number" name="from" min="1900" max="2100" inputmode="numeric" value="{f.FromYear}"></label>
            <label>{T("to")}<input type="number" name="to" min="1900" max="2100" inputmode="numeric" value="{f.ToYear}"></label>
            {Select("type", choices.PageTypes.Select(t => (t, FigureLabels.PageType(t, lang))), f.PageType)}
            {Select("metric", choices.Metrics.Select(m => (m, FigureLabels.Metric(m, lang))), f.Metric)}
            {Select("measure", choices.Measures.Select(m => (m, FigureLabels.Measure(m, lang))), f.Measure)}
            {Select("scope", choices.Scopes.Select(s => (s, FigureLabels.Scope(s, lang))), f.Scope)}
            <label>{T("period")}<input type="text" name="period" size="10" value="{f.Period}" placeholder="2023-Q1"></label>
            <label>{T("min")}<input type="text" name="min" size="14" inputmode="decimal" value="{f.Min?.ToString(CultureInfo.InvariantCulture)}" aria-describedby="base-units"></label>
            <label>{T("max")}<input type="text" name="max" size="14" inputmode="decimal" value="{f.Max?.ToString(CultureInfo.InvariantCulture)}" aria-describedby="base-units"></label>
            {Select("unit", choices.Units.Select(u => (u, u)), f.Unit)}
            <button type="submit">{T("apply")}</button>
            <a class="button secondary" href="{Links.To("/figures", ("lang", page.LangParam))}">{T("clear")}</a>
            <small id="base-units" class="muted">{T("min")}, {T("max")}: {T("base-units")}</small>
            </form>
            {factNote}
            """);
    }

    private static Markup Option(string value, string label, bool selected) => selected
        ? Markup.Of($"<option value=\"{value}\" selected>{label}</option>")
        : Markup.Of($"<option value=\"{value}\">{label}</option>");

    private static Markup Table(PageContext page, FigureSelection selection, FigurePage found)
    {
        string T(string key) => S.Get(key, page.Lang);
        var headers = Columns.Select(c =>
        {
            var sorted = selection.SortColumn == c.Sort;
            // A click on the sorted column turns it around; on another column sorts it (values and dates largest first).
            var next = sorted
                ? (selection.Descending ? FigureSelection.Key(c.Sort) : "-" + FigureSelection.Key(c.Sort))
                : (c.Sort is FigureSort.Value or FigureSort.Published ? "-" : "") + FigureSelection.Key(c.Sort);
            var href = Links.To("/figures", (selection with { Sort = next, Page = 1 }).Pairs().Append(("lang", page.LangParam)));
            var arrow = !sorted ? "" : selection.Descending ? " ▼" : " ▲";
            return sorted
                ? Markup.Of($"<th scope=\"col\" aria-sort=\"{(selection.Descending ? "descending" : "ascending")}\" data-sort=\"{FigureSelection.Key(c.Sort)}\"><a href=\"{href}\">{T(c.Key)}{arrow}</a></th>")
                : Markup.Of($"<th scope=\"col\" data-sort=\"{FigureSelection.Key(c.Sort)}\"><a href=\"{href}\" title=\"{T("sort-by")} {T(c.Key)}\">{T(c.Key)}</a></th>");
        });
        var rows = found.Figures.Select(f => Row(page, f));
        return Markup.Of($"""
            <div class="table-wrap">
            <table class="data figures">
            <caption class="visually-hidden">{T("table")}</caption>
            <thead><tr>{headers}<th scope="col">{T("col-sentence")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            """);
    }

    private static Markup Row(PageContext page, StoredFigure row)
    {
        var (d, f) = (row.Document, row.Figure);
        var lang = page.Lang;
        var approx = FigureLabels.Approx(Storage.Names.Of(f.Approx), lang);
        var value = (approx.Length > 0 ? approx + " " : "") + VietnameseFormat.Value(f);
        var marks = Markup.Join(new[]
        {
            f.Estimate ? Markup.Of($" <span class=\"tag\">{FigureLabels.Estimate(lang)}</span>") : Markup.Empty,
            f.Target ? Markup.Of($" <span class=\"tag\">{FigureLabels.Target(lang)}</span>") : Markup.Empty,
        });
        var metric = Storage.Names.Of(f.Metric);
        var measure = Storage.Names.Of(f.Measure);
        var scope = f.Scope is { } s ? Storage.Names.Of(s) : null;
        var document = Links.To($"/documents/{d.Id.ToString(CultureInfo.InvariantCulture)}", ("lang", page.LangParam));
        return Markup.Of($"""
            <tr data-figure="{Application.Export.ExportTables.FigureId(d.Id, row.Ordinal)}">
            <td data-metric="{metric}">{FigureLabels.Metric(metric, lang)}</td>
            <td data-measure="{measure}">{FigureLabels.Measure(measure, lang)}</td>
            <td class="num" data-value="{f.Value.ToString(CultureInfo.InvariantCulture)}">{value}{marks}</td>
            <td><code>{f.Unit}</code></td>
            <td class="period">{f.Period}</td>
            <td>{(scope is null ? "" : FigureLabels.Scope(scope, lang))}</td>
            <td class="province">{d.Province}</td>
            <td class="doc"><a href="{document}">{d.Title ?? d.Url}</a> <span class="muted">{d.Published}</span></td>
            <td class="sentence">{Sentence(f.Sentence, f.Text)}</td>
            </tr>
            """);
    }

    /// <summary>The sentence with the figure's own words marked, where they stand in it.</summary>
    private static Markup Sentence(string sentence, string text)
    {
        var at = text.Length == 0 ? -1 : sentence.IndexOf(text, StringComparison.Ordinal);
        return at < 0
            ? Markup.Text(sentence)
            : Markup.Of($"{sentence[..at]}<mark>{text}</mark>{sentence[(at + text.Length)..]}");
    }

    private static Markup Paging(PageContext page, FigureSelection selection, FigurePage found)
    {
        if (found.Pages <= 1)
        {
            return Markup.Empty;
        }

        string T(string key) => S.Get(key, page.Lang);
        string Href(int n) => Links.To("/figures", (selection with { Page = n }).Pairs().Append(("lang", page.LangParam)));
        var current = Math.Min(found.Page, found.Pages);
        var numbers = new SortedSet<int> { 1, found.Pages };
        for (var n = Math.Max(1, current - 2); n <= Math.Min(found.Pages, current + 2); n++)
        {
            numbers.Add(n);
        }

        var items = new List<Markup>();
        if (found.Page > 1)
        {
            items.Add(Markup.Of($"<a href=\"{Href(Math.Min(found.Page - 1, found.Pages))}\" rel=\"prev\">{T("prev")}</a>"));
        }

        var last = 0;
        foreach (var n in numbers)
        {
            if (n > last + 1)
            {
                items.Add(Markup.Of($"<span aria-hidden=\"true\">…</span>"));
            }

            items.Add(n == found.Page
                ? Markup.Of($"<span aria-current=\"page\">{n}</span>")
                : Markup.Of($"<a href=\"{Href(n)}\" aria-label=\"{T("page")} {n}\">{n}</a>"));
            last = n;
        }

        if (found.Page < found.Pages)
        {
            items.Add(Markup.Of($"<a href=\"{Href(found.Page + 1)}\" rel=\"next\">{T("next")}</a>"));
        }

        return Markup.Of($"<nav class=\"paging\" aria-label=\"{T("paging")}\">{Markup.Join(items)}</nav>");
    }
}
