using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Application;
using Pipeline.Core;
using Pipeline.Crawling.State;
using Pipeline.Web.Html;
using Pipeline.Web.Http;

namespace Pipeline.Web.Pages;

/// <summary>The data team's health view: each board's last crawl, the pages it fetched, its failures and robots blocks, and what the store holds of it.</summary>
public static class SourcesPage
{
    private static readonly Texts S = new()
    {
        ["title"] = ("Nguồn dữ liệu", "Sources"),
        ["lead"] = ("Lần thu thập gần nhất của từng Ban Quản lý: số yêu cầu, trang tải được, lỗi và các địa chỉ robots.txt không cho phép.", "Each board's last crawl: requests, pages fetched, failures and the addresses robots.txt disallows."),
        ["summary"] = ("{0} nguồn; {1} có lỗi trong lần thu thập gần nhất; {2} có địa chỉ bị robots.txt chặn.", "{0} sources; {1} with failures in their last crawl; {2} with addresses robots.txt disallows."),
        ["none"] = ("Kho dữ liệu chưa ghi nhận lần thu thập nào (các tài liệu được đọc từ tệp). Chạy pipeline run để thu thập.", "The store records no crawl (its documents were read from files). Run pipeline run to crawl."),
        ["caption"] = ("Tình trạng các nguồn, theo lần thu thập gần nhất", "Source health, by last crawl"),
        ["board"] = ("Nguồn", "Source"),
        ["province"] = ("Tỉnh, thành", "Province"),
        ["last-crawl"] = ("Lần thu thập gần nhất", "Last crawl"),
        ["requests"] = ("Yêu cầu", "Requests"),
        ["fetched"] = ("Trang tải được", "Pages fetched"),
        ["unchanged"] = ("Không đổi", "Unchanged"),
        ["failed"] = ("Lỗi", "Failures"),
        ["robots"] = ("Bị robots.txt chặn", "Robots blocks"),
        ["stored"] = ("Trang đã lưu", "Pages stored"),
        ["documents"] = ("Tài liệu", "Documents"),
        ["status"] = ("Tình trạng", "Status"),
        ["ok"] = ("Tốt", "Healthy"),
        ["warn"] = ("Có lỗi", "Some failures"),
        ["down"] = ("Không tải được", "Nothing fetched"),
        ["never"] = ("Chưa thu thập", "Never crawled"),
        ["unfinished"] = ("chưa xong", "unfinished"),
        ["last-request"] = ("yêu cầu cuối", "last request"),
    };

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/sources", (HttpContext http, WebData data) =>
    {
        var page = PageContext.Of(http);
        _ = new Params(http.Request.Query);
        return Respond.Html(data.HasDocuments()
            ? Render(page, SourceHealthReport.Read(data.Options.Database))
            : EmptyStore.Page(page));
    });

    public static Markup Render(PageContext page, IReadOnlyList<BoardHealth> boards)
    {
        string T(string key) => S.Get(key, page.Lang);
        var summary = string.Format(
            CultureInfo.InvariantCulture,
            T("summary"),
            boards.Count,
            boards.Count(b => b.Crawl.Failed > 0),
            boards.Count(b => b.Crawl.RobotsBlocked > 0));
        var body = boards.Count == 0
            ? Markup.Of($"<p class=\"none\">{T("none")}</p>")
            : Markup.Of($"""
                <p class="summary">{summary}</p>
                <div class="table-wrap">
                <table class="data sources">
                <caption>{T("caption")}</caption>
                <thead><tr>
                <th scope="col">{T("board")}</th><th scope="col">{T("province")}</th><th scope="col">{T("last-crawl")}</th>
                <th scope="col" class="num">{T("requests")}</th><th scope="col" class="num">{T("fetched")}</th><th scope="col" class="num">{T("unchanged")}</th>
                <th scope="col" class="num">{T("failed")}</th><th scope="col" class="num">{T("robots")}</th>
                <th scope="col" class="num">{T("stored")}</th><th scope="col" class="num">{T("documents")}</th><th scope="col">{T("status")}</th>
                </tr></thead>
                <tbody>
                {boards.Select(b => Row(page, b))}
                </tbody>
                </table>
                </div>
                """);
        return Layout.Page(page, T("title"), Markup.Of($"""
            <section class="sources-page">
            <h1>{T("title")}</h1>
            <p class="lead">{T("lead")}</p>
            {body}
            </section>
            """));
    }

    /// <summary>A board's health at a glance: nothing fetched, some failures, or healthy.</summary>
    public static string Status(SiteHealth s) => s.Run is null ? "never"
        : s.Fetched + s.Unchanged == 0 ? "down"
        : s.Failed > 0 ? "warn"
        : "ok";

    private static Markup Row(PageContext page, BoardHealth board)
    {
        string T(string key) => S.Get(key, page.Lang);
        var s = board.Crawl;
        var status = Status(s);
        var crawl = s.RunStarted is null
            ? Markup.Of($"–")
            : Markup.Of($"""
                <time datetime="{s.RunStarted}">{When(s.RunStarted)}</time>{(s.RunFinished is null ? Markup.Of($" <small>({T("unfinished")})</small>") : Markup.Empty)}<br><small>{T("last-request")}: {When(s.LastFetch)}</small>
                """);
        var failures = s.Failures.Length > 0
            ? Markup.Of($"{Count(s.Failed)}<br><small class=\"failures\">{s.Failures}</small>")
            : Markup.Of($"{Count(s.Failed)}");
        return Markup.Of($"""
            <tr class="status-{status}" data-site="{s.Site}">
            <th scope="row"><span class="board">{s.Title ?? s.Site}</span><br><code>{s.Site}</code></th>
            <td>{s.Province ?? ""}</td>
            <td>{crawl}</td>
            <td class="num">{Count(s.Requests)}</td>
            <td class="num fetched">{Count(s.Fetched)}</td>
            <td class="num">{Count(s.Unchanged)}</td>
            <td class="num failed">{failures}</td>
            <td class="num robots">{Count(s.RobotsBlocked)}</td>
            <td class="num">{Count(s.StoredPages)}</td>
            <td class="num documents">{Count(board.Documents)}</td>
            <td><span class="status">{T(status)}</span></td>
            </tr>
            """);
    }

    private static string Count(long n) => VietnameseFormat.Number(n);

    private static string When(string? stamp) => stamp is null ? "–" : Stamps.Parse(stamp).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
