using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.Crawling.Sites;

namespace Pipeline.Crawling.Tests.Traps;

/// <summary>What an endless pager shows past its last real page.</summary>
public enum PastTheEnd
{
    /// <summary>An empty listing that still links to the next page.</summary>
    Empty,

    /// <summary>The last real page again, whatever the number asked.</summary>
    LastPageAgain,
}

/// <summary>
/// The traps as portals set them, written by this project: a generic board whose news listing
/// <c>/tin-tuc?page=N</c> holds <see cref="PerPage"/> real articles a page, and whose articles live at
/// <c>/bai-viet/tin-K.html</c>. What differs is what lies past the real pages.
/// </summary>
public sealed class TrapSite
{
    public const int PerPage = 10;

    private TrapSite(IReadOnlyList<Bulletin> bulletins) => Bulletins = bulletins;

    public IReadOnlyList<Bulletin> Bulletins { get; }

    public IEnumerable<string> ArticlePaths => Bulletins.Select((_, i) => ArticlePath(i));

    public int RealPages => (Bulletins.Count + PerPage - 1) / PerPage;

    /// <summary>The real listing pages as the server logs them.</summary>
    public IEnumerable<string> ListingPaths => Enumerable.Range(1, RealPages).Select(ListingPath);

    public static string ArticlePath(int index) => $"/bai-viet/tin-{index + 1}.html";

    public static string ListingPath(int page) => $"/tin-tuc?page={page}";

    /// <summary>
    /// A pager that never ends: any page number answers 200 with a pager window (two either side) and a
    /// "next" link, as the portals the issue describes do.
    /// </summary>
    public static Func<HttpRequest, TrapAnswer> EndlessPager(IReadOnlyList<Bulletin> bulletins, PastTheEnd past, out TrapSite site)
    {
        var s = site = new TrapSite(bulletins);
        return request =>
        {
            if (s.Article(request) is { } article)
            {
                return article;
            }

            if (request.Path != "/tin-tuc" || !int.TryParse(request.Query["page"], CultureInfo.InvariantCulture, out var page) || page < 1)
            {
                return TrapAnswer.NotFound;
            }

            var shown = page <= s.RealPages ? page : past == PastTheEnd.Empty ? 0 : s.RealPages;
            var pager = string.Concat(Enumerable.Range(page - 2, 5).Where(p => p >= 1 && p != page).Select(p => Link(ListingPath(p), p.ToString(CultureInfo.InvariantCulture))));
            return new TrapAnswer(200, Page($"{s.Items(shown)}<div class=\"pager\">{pager}{Link(ListingPath(page + 1), "Trang sau ›")}</div>"));
        };
    }

    /// <summary>
    /// A pager that ends (page 4 of 3 is a 404), but every listing carries a calendar widget (months
    /// by <c>thang</c> and <c>nam</c>, days by <c>ngay</c>), a "posted on" filter by a date-valued
    /// parameter of no known name (<c>ngaydang=15/03/2024</c>) and a sort bar; the server answers any
    /// month, day, filter or order with a listing of that selection and the widget for its neighbours.
    /// </summary>
    public static Func<HttpRequest, TrapAnswer> Calendar(IReadOnlyList<Bulletin> bulletins, out TrapSite site)
    {
        var s = site = new TrapSite(bulletins);
        return request =>
        {
            if (s.Article(request) is { } article)
            {
                return article;
            }

            if (request.Path != "/tin-tuc" || !int.TryParse(request.Query["page"], CultureInfo.InvariantCulture, out var page) || page < 1)
            {
                return TrapAnswer.NotFound;
            }

            var month = new DateOnly(2024, 3, 1);
            if (int.TryParse(request.Query["thang"], CultureInfo.InvariantCulture, out var m) && int.TryParse(request.Query["nam"], CultureInfo.InvariantCulture, out var y) && m is >= 1 and <= 12 && y is > 1900 and < 3000)
            {
                month = new DateOnly(y, m, 1);
            }
            else if (DateOnly.TryParseExact(request.Query["ngay"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                month = new DateOnly(day.Year, day.Month, 1);
            }

            var filtered = request.Query.Count > 1;
            if (!filtered && page > s.RealPages)
            {
                return TrapAnswer.NotFound;
            }

            // A calendar or filter page shows the first real page again (the portal ignores what it cannot filter by).
            var pager = filtered ? "" : string.Concat(Enumerable.Range(1, s.RealPages).Where(p => p != page).Select(p => Link(ListingPath(p), p.ToString(CultureInfo.InvariantCulture))));
            var days = string.Concat(Enumerable.Range(1, DateTime.DaysInMonth(month.Year, month.Month))
                .Select(d => Link($"/tin-tuc?page=1&ngay={month.Year:D4}-{month.Month:D2}-{d:D2}", d.ToString(CultureInfo.InvariantCulture))));
            var before = month.AddMonths(-1);
            var after = month.AddMonths(1);
            var widget = $"""
                <div class="lich">{Link($"/tin-tuc?page=1&thang={before.Month}&nam={before.Year}", "‹")} Tháng {month.Month}/{month.Year} {Link($"/tin-tuc?page=1&thang={after.Month}&nam={after.Year}", "›")}{days}</div>
                <div class="loc">{Link($"/tin-tuc?page=1&ngaydang=15/{month.Month:D2}/{month.Year}", "Đăng ngày 15")}</div>
                <div class="sap-xep">{Link($"/tin-tuc?page={page}&sort=ngay&order=asc", "Cũ trước")}{Link($"/tin-tuc?page={page}&sort=tieu-de&order=desc", "Theo tên")}</div>
                """;
            return new TrapAnswer(200, Page($"{s.Items(filtered ? 1 : page)}<div class=\"pager\">{pager}</div>{widget}"));
        };
    }

    private TrapAnswer? Article(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (!path.StartsWith("/bai-viet/tin-", StringComparison.Ordinal))
        {
            return null;
        }

        var index = Enumerable.Range(0, Bulletins.Count).FirstOrDefault(i => ArticlePath(i) == path, -1);
        if (index < 0)
        {
            return TrapAnswer.NotFound;
        }

        var b = Bulletins[index];
        var body = string.Concat(b.Paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
        return new TrapAnswer(200, Page($"<h1>{WebUtility.HtmlEncode(b.Title)}</h1><div class=\"date\">{b.Date:dd/MM/yyyy}</div>{body}"));
    }

    /// <summary>The articles of a real listing page; none for page 0 or past the end.</summary>
    private string Items(int page)
    {
        var sb = new StringBuilder("<ul class=\"news-list\">");
        foreach (var (b, i) in Bulletins.Select((b, i) => (b, i)).Skip((page - 1) * PerPage).Take(page < 1 ? 0 : PerPage))
        {
            sb.Append("<li>").Append(Link(ArticlePath(i), b.Title)).Append("</li>");
        }

        return sb.Append("</ul>").ToString();
    }

    private static string Link(string href, string text) => $"""<a href="{WebUtility.HtmlEncode(href)}">{WebUtility.HtmlEncode(text)}</a>""";

    private static string Page(string main) => $"""
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><title>Tin tức - sự kiện</title></head>
        <body><nav><a href="/">Trang chủ</a> <a href="/gioi-thieu">Giới thiệu</a></nav><div id="main">{main}</div>
        <footer>Ban Quản lý các khu công nghiệp tỉnh</footer></body></html>
        """;
}
