using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.Crawling.Sites;
using Pipeline.Sites;

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
/// The traps as portals set them, written by this project: layers over a generic board's site
/// (news listing <c>/danh-muc/tin-tuc?trang=N</c>, <see cref="PortalSite.PerPage"/> articles a page)
/// whose pages <see cref="SiteBuilder"/> renders. What differs is what lies past the real pages.
/// </summary>
public static class TrapSites
{
    /// <summary>
    /// A pager that never ends: any page number answers 200 with the platform's pager, which always
    /// counts one page more than the one asked, so the last real page and every page past it link a "next".
    /// </summary>
    public static PortalSite EndlessPager(IReadOnlyList<Bulletin> bulletins, PastTheEnd past)
    {
        var site = PortalSite.Generic(bulletins);
        site.Layer = async (context, rendered, next) =>
        {
            if (PageOf(site.Layout, context.Request) is not { } page)
            {
                await next(context);
                return;
            }

            var real = rendered.ListingPaths.Count;
            var shown = page <= real ? page : past == PastTheEnd.Empty ? 0 : real;
            var html = SiteBuilder.Listing(rendered.Board, rendered.ListedOn(shown), page, Math.Max(real, page + 1));
            await SiteServer.SendAsync(context, SiteBuilder.Response(site.Layout, Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8"));
        };
        return site;
    }

    /// <summary>
    /// A pager that ends (page 4 of 3 is a 404), but every listing carries a calendar widget (months
    /// by <c>thang</c> and <c>nam</c>, days by <c>ngay</c>), a "posted on" filter by a date-valued
    /// parameter of no known name (<c>ngaydang=15/03/2024</c>) and a sort bar; the server answers any
    /// month, day, filter or order with the first listing page and the widget for its neighbours.
    /// </summary>
    public static PortalSite Calendar(IReadOnlyList<Bulletin> bulletins)
    {
        var site = PortalSite.Generic(bulletins);
        var first = site.Layout.ListingPath(1);
        site.Layer = async (context, rendered, next) =>
        {
            var request = context.Request;
            var filtered = request.Query.Keys.Any(k => k != "trang");
            var page = filtered ? 1 : PageOf(site.Layout, request);
            if (request.Path != first || page is null)
            {
                await next(context);
                return;
            }

            // A calendar or filter page shows the first real page again (the portal ignores what it cannot filter by).
            var listing = rendered.Find(first, filtered ? "" : request.QueryString.Value ?? "");
            if (listing is null)
            {
                await next(context);
                return;
            }

            var html = Encoding.UTF8.GetString(listing.Body).Replace("</body>", Widget(first, Month(request.Query), page.Value) + "</body>", StringComparison.Ordinal);
            await SiteServer.SendAsync(context, SiteBuilder.Response(site.Layout, Encoding.UTF8.GetBytes(html), listing.ContentType));
        };
        return site;
    }

    /// <summary>The listing page a request asks for, by the platform's own listing URLs; null for any other page.</summary>
    private static int? PageOf(PlatformLayout layout, HttpRequest request)
    {
        var asked = request.Path.Value + Markup.SortedQuery(request.QueryString.Value ?? "");
        var page = Enumerable.Range(1, 1000).FirstOrDefault(n => Canonical(layout.ListingPath(n)) == asked);
        return page == 0 ? null : page;
    }

    private static string Canonical(string path) =>
        path.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? path[..q] + Markup.SortedQuery(path[q..]) : path;

    /// <summary>The month a calendar link asks for (by thang and nam, or by a day), March 2024 when none.</summary>
    private static DateOnly Month(IQueryCollection query)
    {
        if (int.TryParse(query["thang"], CultureInfo.InvariantCulture, out var m) && int.TryParse(query["nam"], CultureInfo.InvariantCulture, out var y) && m is >= 1 and <= 12 && y is > 1900 and < 3000)
        {
            return new DateOnly(y, m, 1);
        }

        return DateOnly.TryParseExact(query["ngay"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateOnly(day.Year, day.Month, 1)
            : new DateOnly(2024, 3, 1);
    }

    /// <summary>The month's days, its neighbours, a "posted on" filter and a sort bar, each a link to the listing with that selection.</summary>
    private static string Widget(string listing, DateOnly month, int page)
    {
        var days = string.Concat(Enumerable.Range(1, DateTime.DaysInMonth(month.Year, month.Month))
            .Select(d => Link($"{listing}?trang=1&ngay={month.Year:D4}-{month.Month:D2}-{d:D2}", d.ToString(CultureInfo.InvariantCulture))));
        var before = month.AddMonths(-1);
        var after = month.AddMonths(1);
        return $"""
            <div class="lich">{Link($"{listing}?trang=1&thang={before.Month}&nam={before.Year}", "‹")} Tháng {month.Month}/{month.Year} {Link($"{listing}?trang=1&thang={after.Month}&nam={after.Year}", "›")}{days}</div>
            <div class="loc">{Link($"{listing}?trang=1&ngaydang=15/{month.Month:D2}/{month.Year}", "Đăng ngày 15")}</div>
            <div class="sap-xep">{Link($"{listing}?trang={page}&sort=ngay&order=asc", "Cũ trước")}{Link($"{listing}?trang={page}&sort=tieu-de&order=desc", "Theo tên")}</div>
            """;
    }

    private static string Link(string href, string text) => $"""<a href="{WebUtility.HtmlEncode(href)}">{WebUtility.HtmlEncode(text)}</a>""";
}
