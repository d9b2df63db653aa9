using Pipeline.Web.Html;

namespace Pipeline.Web.Pages;

/// <summary>What every data page shows while the store is missing or empty: how to fill it.</summary>
public static class EmptyStore
{
    private static readonly Texts S = new()
    {
        ["title"] = ("Chưa có dữ liệu", "No data yet"),
        ["lead"] = ("Kho dữ liệu chưa có tài liệu nào. Chạy lệnh sau từ thư mục của dự án để thu thập, trích xuất và lập chỉ mục các bản tin đi kèm, rồi tải lại trang này:", "The store holds no documents yet. Run this from the project's folder to crawl, extract and index the bundled bulletins, then reload this page:"),
        ["store"] = ("Kho dữ liệu", "Store"),
        ["index"] = ("Chỉ mục", "Index"),
        ["real"] = ("Để thu thập cổng thông tin thật của các Ban Quản lý (cần Internet):", "To crawl the boards' real portals (needs the internet):"),
    };

    public static Markup Page(PageContext page) => Layout.Page(page, S.Get("title", page.Lang), Markup.Of($"""
        <section class="empty">
        <h1>{S.Get("title", page.Lang)}</h1>
        <p>{S.Get("lead", page.Lang)}</p>
        <pre><code>dotnet run --project src/Pipeline.Cli -c Release -- run --db {page.Options.Database} --index {page.Options.Index}</code></pre>
        <p>{S.Get("real", page.Lang)}</p>
        <pre><code>pipeline run --sources corpus/sources.json</code></pre>
        <dl><dt>{S.Get("store", page.Lang)}</dt><dd><code>{page.Options.Database}</code></dd><dt>{S.Get("index", page.Lang)}</dt><dd><code>{page.Options.Index}</code></dd></dl>
        </section>
        """));
}
