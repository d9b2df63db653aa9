using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Application;
using Pipeline.Core;
using Pipeline.Learning.Pages;
using Pipeline.Search;
using Pipeline.Search.Analysis;
using Pipeline.Search.Language;
using Pipeline.Web.Html;

namespace Pipeline.Web.Pages;

/// <summary>
/// The search page ("/"): one box for any spelling (accented, unaccented, Telex), filters, facet counts that
/// filter when clicked, hits with their highlighted snippet, paging and sort. A GET form: the URL holds the whole
/// search, so it works without script, links can be shared and the back button restores a search.
/// </summary>
public static class SearchPage
{
    private static readonly Texts S = new()
    {
        ["title"] = ("Tìm kiếm", "Search"),
        ["heading"] = ("Tìm trong bản tin các KCN, KKT", "Search the industrial and economic zones' bulletins"),
        ["box"] = ("Từ khóa", "Words"),
        ["box-hint"] = ("Gõ có dấu, không dấu hay kiểu Telex; \"cụm từ\" trong ngoặc kép, -từ để loại trừ.", "Type with or without diacritics, or in Telex; \"a phrase\" in quotes, -word to leave out."),
        ["go"] = ("Tìm", "Search"),
        ["filters"] = ("Bộ lọc", "Filters"),
        ["province"] = ("Tỉnh, thành phố", "Province"),
        ["from"] = ("Từ năm", "From year"),
        ["to"] = ("Đến năm", "To year"),
        ["type"] = ("Loại trang", "Page type"),
        ["metric"] = ("Chỉ tiêu", "Metric"),
        ["min"] = ("Giá trị từ", "Value from"),
        ["max"] = ("đến", "to"),
        ["unit"] = ("Đơn vị", "Unit"),
        ["sort"] = ("Sắp xếp", "Sort"),
        ["any"] = ("Tất cả", "Any"),
        ["relevance"] = ("Phù hợp nhất", "Best match"),
        ["date"] = ("Mới nhất", "Newest"),
        ["clear"] = ("Xóa bộ lọc", "Clear filters"),
        ["intro"] = ("Tìm văn bản theo từ khóa hoặc chỉ dùng bộ lọc (ví dụ: một chỉ tiêu và khoảng giá trị). Thử:", "Find pages by their words, or by filters alone (for instance a metric and a range of values). Try:"),
        ["found-one"] = ("1 văn bản khớp", "1 document matches"),
        ["found"] = ("{0} văn bản khớp", "{0} documents match"),
        ["found-none"] = ("Không có văn bản nào khớp.", "No document matches."),
        ["partial"] = ("; thêm {0} văn bản khớp phần lớn từ khóa", "; {0} more match most of the words"),
        ["found-partial-only"] = ("Không văn bản nào có đủ mọi từ khóa; {0} văn bản khớp phần lớn", "No document has every word; {0} match most of them"),
        ["showing"] = ("Kết quả {0}–{1}", "Results {0}–{1}"),
        ["hits"] = ("Kết quả", "Results"),
        ["skip-to-hits"] = ("Bỏ qua bộ lọc, đến kết quả", "Skip the filters, to the results"),
        ["facets"] = ("Thu hẹp kết quả", "Narrow the results"),
        ["facet-province"] = ("Tỉnh, thành phố", "Province"),
        ["facet-year"] = ("Năm", "Year"),
        ["facet-type"] = ("Loại trang", "Page type"),
        ["facet-metric"] = ("Chỉ tiêu", "Metric"),
        ["facet-more"] = ("Thêm {0}", "{0} more"),
        ["facet-remove"] = ("bỏ lọc", "remove filter"),
        ["missing"] = ("Thiếu:", "Missing:"),
        ["no-date"] = ("không rõ ngày", "no date"),
        ["paging"] = ("Các trang kết quả", "Result pages"),
        ["previous"] = ("‹ Trước", "‹ Previous"),
        ["next"] = ("Sau ›", "Next ›"),
        ["page-n"] = ("Trang {0}", "Page {0}"),
    };

    /// <summary>The metrics' names for people; every metric the library knows has one (a test checks).</summary>
    public static readonly IReadOnlyDictionary<Metric, (string Vi, string En)> MetricNames = new Dictionary<Metric, (string, string)>
    {
        [Metric.Projects] = ("Số dự án", "Projects"),
        [Metric.InvestmentCapital] = ("Vốn đầu tư", "Investment capital"),
        [Metric.ProductionValue] = ("Giá trị sản xuất", "Production value"),
        [Metric.Revenue] = ("Doanh thu", "Revenue"),
        [Metric.ExportValue] = ("Kim ngạch xuất khẩu", "Exports"),
        [Metric.ImportValue] = ("Kim ngạch nhập khẩu", "Imports"),
        [Metric.TradeValue] = ("Kim ngạch xuất nhập khẩu", "Trade"),
        [Metric.BudgetContribution] = ("Nộp ngân sách", "Budget contribution"),
        [Metric.Labour] = ("Lao động", "Labour"),
        [Metric.Enterprises] = ("Doanh nghiệp", "Enterprises"),
        [Metric.LandArea] = ("Diện tích đất", "Land area"),
        [Metric.OccupancyRate] = ("Tỷ lệ lấp đầy", "Occupancy rate"),
        [Metric.OutputQuantity] = ("Sản lượng", "Output quantity"),
        [Metric.AdminProcedures] = ("Thủ tục hành chính", "Administrative procedures"),
        [Metric.Other] = ("Khác", "Other"),
    };

    /// <summary>The page types' names for people, for every type the classifier gives (a test checks).</summary>
    public static readonly IReadOnlyDictionary<string, (string Vi, string En)> TypeNames = new Dictionary<string, (string, string)>
    {
        ["report"] = ("Báo cáo, số liệu", "Report"),
        ["project"] = ("Dự án", "Project"),
        ["event"] = ("Sự kiện", "Event"),
        ["notice"] = ("Thông báo", "Notice"),
        ["procedure"] = ("Thủ tục", "Procedure"),
        ["job"] = ("Tuyển dụng", "Job"),
        ["photo"] = ("Ảnh", "Photo"),
    };

    /// <summary>Searches to start from, shown on the empty page: unaccented, Telex, a metric's words.</summary>
    private static readonly string[] Examples = ["khu cong nghiep Binh Duong", "tyr leej laaps ddaayf", "vốn FDI 2023", "KKT Vân Phong"];

    /// <summary>How many values of a facet show before the rest fold away.</summary>
    private const int FacetShown = 8;

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/", (HttpContext http, WebData data) =>
    {
        var page = PageContext.Of(http);
        var query = SearchQuery.ForPage(http.Request.Query);
        if (!data.Index.Exists())
        {
            return Respond.Html(EmptyStore.Page(page));
        }

        if (query.IsEmpty)
        {
            return Respond.Html(Render(page, query, null, data.Index.Units()));
        }

        SearchResult result;
        try
        {
            result = data.Index.Search(query.ToRequest());
        }
        catch (SearchUsageException e)
        {
            throw query.Refused(e, [.. Pipeline.Application.SearchLanguage.Vocabulary.Units.Union(data.Index.Units())]);
        }
        catch (NotAnIndexException)
        {
            return Respond.Html(EmptyStore.Page(page)); // removed between the check and the search
        }

        return Respond.Html(Render(page, query, result, data.Index.Units()));
    });

    private static string T(PageContext page, string key) => S.Get(key, page.Lang);

    private static string T(PageContext page, string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, S.Get(key, page.Lang), args);

    /// <summary>A count as the language writes it: 1.234 in Vietnamese, 1,234 in English.</summary>
    private static string Count(int n, PageContext page) => n.ToString("N0", page.Lang == Lang.En ? CultureInfo.InvariantCulture : Vi);

    private static string Name((string Vi, string En) name, PageContext page) => page.Lang == Lang.En ? name.En : name.Vi;

    private static readonly Dictionary<string, Metric> MetricsByName = Enum.GetValues<Metric>().ToDictionary(m => FigureJson.Name(m));

    /// <summary>A metric's name for people ("export_value" → "Kim ngạch xuất khẩu"); an unknown name as it is.</summary>
    public static string MetricName(string metric, PageContext page) =>
        MetricsByName.TryGetValue(metric, out var m) && MetricNames.TryGetValue(m, out var name) ? Name(name, page) : metric;

    public static string TypeName(string type, PageContext page) => TypeNames.TryGetValue(type, out var name) ? Name(name, page) : type;

    /// <summary>The whole page: the form, then (when something was asked) the facets beside the hits.</summary>
    public static Markup Render(PageContext page, SearchQuery query, SearchResult? result, IReadOnlyList<string> indexUnits)
    {
        var title = query.Q is { } q ? $"{q} · {T(page, "title")}" : T(page, "title");
        var body = result is null ? Intro(page) : Results(page, query, result);
        return Layout.Page(page, title, Markup.Of($"""
            <h1>{T(page, "heading")}</h1>
            {Form(page, query, indexUnits)}
            {body}
            """));
    }

    private static Markup Intro(PageContext page)
    {
        var links = Examples.Select(e => Markup.Of($"<li><a href=\"{new SearchQuery { Q = e }.Link(page.LangParam)}\">{e}</a></li>"));
        return Markup.Of($"""<section class="search-intro"><p>{T(page, "intro")}</p><ul>{links}</ul></section>""");
    }

    /// <summary>The GET form: the box first, then the filters; a hidden lang keeps the language on submit. Submitting starts at page 1.</summary>
    private static Markup Form(PageContext page, SearchQuery query, IReadOnlyList<string> indexUnits)
    {
        // The province as the index files it, so "ho chi minh" in a shared link selects "TP. Hồ Chí Minh".
        var province = query.Province is { } typed ? SearchLanguage.Vocabulary.Places.Resolve(typed) ?? typed : null;
        var provinces = SearchLanguage.Vocabulary.Places.Table.Select(p => p.Name).OrderBy(n => VietnameseFold.Full(n), StringComparer.Ordinal).Select(n => (n, n));
        var types = PageTypes.All.Select(t => (t, TypeName(t, page)));
        var metrics = RequestCheck.Metrics.Select(m => (m, MetricName(m, page))).OrderBy(m => m.Item2, StringComparer.Ordinal);
        var units = SearchLanguage.Vocabulary.Units.Concat(indexUnits).Distinct().Order(StringComparer.Ordinal).Select(u => (u, u));
        var sorts = SearchQuery.Sorts.Select(s => (s, T(page, s)));
        var lang = page.LangParam is { } l ? Markup.Of($"<input type=\"hidden\" name=\"lang\" value=\"{l}\">") : Markup.Empty;
        var clear = query.HasFilter
            ? Markup.Of($"<a class=\"button secondary\" href=\"{new SearchQuery { Q = query.Q, Sort = query.Sort }.Link(page.LangParam)}\">{T(page, "clear")}</a>")
            : Markup.Empty;

        return Markup.Of($"""
            <form class="search" method="get" action="/" role="search">
            <div class="search-box">
            <label for="q">{T(page, "box")}</label>
            <input type="search" id="q" name="q" value="{query.Q}" aria-describedby="q-hint" autocomplete="off" spellcheck="false" maxlength="500">
            <button type="submit">{T(page, "go")}</button>
            </div>
            <p id="q-hint" class="muted hint">{T(page, "box-hint")}</p>
            <fieldset class="filters">
            <legend>{T(page, "filters")}</legend>
            {Select(page, "province", provinces, province)}
            <label>{T(page, "from")}<input type="number" name="from" min="1900" max="2100" inputmode="numeric" value="{query.From}"></label>
            <label>{T(page, "to")}<input type="number" name="to" min="1900" max="2100" inputmode="numeric" value="{query.To}"></label>
            {Select(page, "type", types, query.Type)}
            {Select(page, "metric", metrics, query.Metric)}
            <label>{T(page, "min")}<input type="text" name="min" inputmode="decimal" size="10" value="{Plain(query.Min)}"></label>
            <label>{T(page, "max")}<input type="text" name="max" inputmode="decimal" size="10" value="{Plain(query.Max)}"></label>
            {Select(page, "unit", units, query.Unit)}
            {Select(page, "sort", sorts, query.Sort ?? SearchQuery.Relevance, any: false)}
            {lang}
            <button type="submit" class="secondary">{T(page, "go")}</button>
            {clear}
            </fieldset>
            </form>
            """);
    }

    private static string? Plain(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static Markup Select(PageContext page, string name, IEnumerable<(string Value, string Label)> options, string? selected, bool any = true)
    {
        var items = options.Select(o => string.Equals(o.Value, selected, StringComparison.OrdinalIgnoreCase)
            ? Markup.Of($"<option value=\"{o.Value}\" selected>{o.Label}</option>")
            : Markup.Of($"<option value=\"{o.Value}\">{o.Label}</option>"));
        var first = any ? Markup.Of($"<option value=\"\">{T(page, "any")}</option>") : Markup.Empty;
        return Markup.Of($"<label>{T(page, name)}<select name=\"{name}\">{first}{items}</select></label>");
    }

    private static Markup Results(PageContext page, SearchQuery query, SearchResult result)
    {
        var total = Count(result.Total, page);
        var summary = (result.Total, result.Partial) switch
        {
            (0, 0) => T(page, "found-none"),
            (0, _) => T(page, "found-partial-only", Count(result.Partial, page)),
            (1, 0) => T(page, "found-one"),
            (_, 0) => T(page, "found", total),
            _ => T(page, "found", total) + T(page, "partial", Count(result.Partial, page)),
        };
        var showing = result.Hits.Count > 0
            ? Markup.Of($"<span class=\"muted\"> · {T(page, "showing", query.Offset + 1, query.Offset + result.Hits.Count)}</span>")
            : Markup.Empty;

        var hits = result.Hits.Select(h => Hit(page, h, query.HasFigureFilter));
        return Markup.Of($"""
            <div class="results">
            <a class="skip-results" href="#hits">{T(page, "skip-to-hits")}</a>
            {Facets(page, query, result)}
            <section class="hit-list" aria-labelledby="hits-heading">
            <h2 id="hits-heading" class="sr-only">{T(page, "hits")}</h2>
            <p class="summary" role="status">{summary}{showing}</p>
            {SortLinks(page, query)}
            <ol class="hits" id="hits" tabindex="-1" start="{query.Offset + 1}">{hits}</ol>
            {Paging(page, query, result)}
            </section>
            </div>
            """);
    }

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static Markup SortLinks(PageContext page, SearchQuery query)
    {
        var current = query.Sort ?? SearchQuery.Relevance;
        var links = SearchQuery.Sorts.Select(s =>
        {
            var href = (query with { Sort = s == SearchQuery.Relevance ? null : s, Page = 1 }).Link(page.LangParam);
            return s == current
                ? Markup.Of($"<li><a href=\"{href}\" aria-current=\"true\">{T(page, s)}</a></li>")
                : Markup.Of($"<li><a href=\"{href}\">{T(page, s)}</a></li>");
        });
        return Markup.Of($"<nav class=\"sort\" aria-label=\"{T(page, "sort")}\"><span>{T(page, "sort")}:</span><ul>{links}</ul></nav>");
    }

    /// <summary>One hit: its title linking to the document, its date, board, province and type, the snippet, and what a partial match lacks.</summary>
    private static Markup Hit(PageContext page, SearchHit hit, bool showFigures)
    {
        var href = Links.To("/document", ("url", hit.Source), ("lang", page.LangParam));
        var date = hit.Published is { } published
            ? Markup.Of($"<time datetime=\"{published}\">{Date(published, page)}</time>")
            : Markup.Of($"<span>{T(page, "no-date")}</span>");
        var where = new[] { hit.Board, hit.Board is not null && hit.Province is not null && hit.Board.Contains(hit.Province, StringComparison.Ordinal) ? null : hit.Province, hit.PageType is { } t ? TypeName(t, page) : null }
            .Where(x => !string.IsNullOrEmpty(x)).Select(x => Markup.Of($" · <span>{x}</span>"));
        var missing = hit.Missing is { Count: > 0 } m
            ? Markup.Of($"<p class=\"missing\">{T(page, "missing")} {string.Join(", ", m)}</p>")
            : Markup.Empty;
        var figures = showFigures && hit.Figures.Count > 0
            ? Markup.Of($"<ul class=\"hit-figures\">{hit.Figures.Take(5).Select(f => Markup.Of($"<li><span>{MetricName(FigureJson.Name(f.Metric), page)}</span> <strong>{VietnameseFormat.Value(f)}</strong>{(f.Period is { } p ? $" ({p})" : "")}</li>"))}</ul>")
            : Markup.Empty;
        return Markup.Of($"""
            <li class="hit">
            <h3><a href="{href}">{hit.Title ?? hit.Source}</a></h3>
            <p class="meta">{date}{where}</p>
            <p class="snippet">{Highlight(hit.Snippet)}</p>
            {missing}{figures}
            </li>
            """);
    }

    /// <summary>A date as people write it: 05/03/2024 in Vietnamese, 2024-03-05 in English; anything else as stored.</summary>
    private static string Date(string published, PageContext page) =>
        page.Lang == Lang.Vi && DateOnly.TryParseExact(published.Length >= 10 ? published[..10] : published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : published;

    /// <summary>
    /// The snippet's matches (marked **like this** by the search library) as &lt;mark&gt;, everything else encoded:
    /// the text between markers alternates plain, marked, plain…
    /// </summary>
    public static Markup Highlight(string snippet)
    {
        var parts = snippet.Split("**");
        if (parts.Length % 2 == 0)
        {
            return Markup.Text(snippet.Replace("**", "", StringComparison.Ordinal)); // unbalanced: the text itself held "**"
        }

        return Markup.Join(parts.Select((part, i) => i % 2 == 1 && part.Length > 0 ? Markup.Of($"<mark>{part}</mark>") : Markup.Text(part)));
    }

    /// <summary>The facet counts: each value a link to this search with that filter set (or, when it is set, removed).</summary>
    private static Markup Facets(PageContext page, SearchQuery query, SearchResult result)
    {
        var groups = new List<Markup>();
        foreach (var (name, key) in new[] { ("province", "facet-province"), ("year", "facet-year"), ("type", "facet-type"), ("metric", "facet-metric") })
        {
            if (!result.Facets.TryGetValue(name, out var counts) || counts.Count == 0)
            {
                continue;
            }

            var items = counts.Select(c => FacetItem(page, query, name, c)).ToList();
            var shown = Markup.Join(items.Take(FacetShown));
            var more = items.Count > FacetShown
                ? Markup.Of($"<details><summary>{T(page, "facet-more", items.Count - FacetShown)}</summary><ul>{items.Skip(FacetShown)}</ul></details>")
                : Markup.Empty;
            groups.Add(Markup.Of($"""<section class="facet" data-facet="{name}"><h3>{T(page, key)}</h3><ul>{shown}</ul>{more}</section>"""));
        }

        return Markup.Of($"""<aside class="facets" aria-label="{T(page, "facets")}"><h2>{T(page, "facets")}</h2>{Markup.Join(groups)}</aside>""");
    }

    private static Markup FacetItem(PageContext page, SearchQuery query, string facet, FacetCount count)
    {
        var (active, label, next) = facet switch
        {
            "province" => (Same(query.Province is { } p ? SearchLanguage.Vocabulary.Places.Resolve(p) ?? p : null, count.Value), count.Value, query with { Province = count.Value }),
            "year" => (query.From is { } f && query.To == f && Number(f) == count.Value, count.Value, query with { From = Year(count.Value), To = Year(count.Value) }),
            "type" => (Same(query.Type, count.Value), TypeName(count.Value, page), query with { Type = count.Value }),
            _ => (Same(query.Metric, count.Value), MetricName(count.Value, page), query with { Metric = count.Value }),
        };
        if (active)
        {
            next = facet switch
            {
                "province" => query with { Province = null },
                "year" => query with { From = null, To = null },
                "type" => query with { Type = null },
                _ => query with { Metric = null },
            };
        }

        var href = (next with { Page = 1 }).Link(page.LangParam);
        var n = Count(count.Count, page);
        return active
            ? Markup.Of($"<li><a href=\"{href}\" aria-current=\"true\" title=\"{T(page, "facet-remove")}\"><span>{label}</span> <span class=\"count\">{n}</span></a></li>")
            : Markup.Of($"<li><a href=\"{href}\"><span>{label}</span> <span class=\"count\">{n}</span></a></li>");
    }

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static int? Year(string value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : null;

    /// <summary>Previous, a window of page numbers around the current one, next. Partial matches may follow the full ones, so a full last page offers the next.</summary>
    private static Markup Paging(PageContext page, SearchQuery query, SearchResult result)
    {
        var shownEnd = query.Offset + result.Hits.Count;
        var hasNext = query.Page < SearchQuery.MaxPage && (shownEnd < result.Total || (result.Partial > 0 && result.Hits.Count == query.Limit));
        var last = Math.Min(SearchQuery.MaxPage, Math.Max(query.Page + (hasNext ? 1 : 0), (result.Total + SearchQuery.PageSize - 1) / SearchQuery.PageSize));
        if (last <= 1 && query.Page == 1)
        {
            return Markup.Empty;
        }

        var items = new List<Markup>();
        string Href(int n) => (query with { Page = n }).Link(page.LangParam);
        if (query.Page > 1)
        {
            items.Add(Markup.Of($"<li><a href=\"{Href(query.Page - 1)}\" rel=\"prev\">{T(page, "previous")}</a></li>"));
        }

        var numbers = new SortedSet<int> { 1, last };
        for (var n = Math.Max(1, query.Page - 2); n <= Math.Min(last, query.Page + 2); n++)
        {
            numbers.Add(n);
        }

        var previous = 0;
        foreach (var n in numbers)
        {
            if (n > previous + 1)
            {
                items.Add(Markup.Of($"<li><span class=\"gap\" aria-hidden=\"true\">…</span></li>"));
            }

            items.Add(n == query.Page
                ? Markup.Of($"<li><a href=\"{Href(n)}\" aria-current=\"page\" aria-label=\"{T(page, "page-n", n)}\">{n}</a></li>")
                : Markup.Of($"<li><a href=\"{Href(n)}\" aria-label=\"{T(page, "page-n", n)}\">{n}</a></li>"));
            previous = n;
        }

        if (hasNext)
        {
            items.Add(Markup.Of($"<li><a href=\"{Href(query.Page + 1)}\" rel=\"next\">{T(page, "next")}</a></li>"));
        }

        return Markup.Of($"<nav class=\"paging\" aria-label=\"{T(page, "paging")}\"><ul>{Markup.Join(items)}</ul></nav>");
    }
}
