namespace Pipeline.Web.Html;

/// <summary>The frame of every page: language, title, navigation, the main content and the footer.</summary>
public static class Layout
{
    private static readonly Texts S = new()
    {
        ["product"] = ("Pipeline: số liệu KCN, KKT", "Pipeline: industrial-zone figures"),
        ["skip"] = ("Bỏ qua, đến nội dung chính", "Skip to the main content"),
        ["nav"] = ("Các trang", "Pages"),
        ["search"] = ("Tìm kiếm", "Search"),
        ["figures"] = ("Số liệu", "Figures"),
        ["charts"] = ("Biểu đồ", "Charts"),
        ["extract"] = ("Trích xuất", "Extract"),
        ["sources"] = ("Nguồn", "Sources"),
        ["other-lang"] = ("English", "Tiếng Việt"),
        ["other-lang-code"] = ("en", "vi"),
        ["api"] = ("API (OpenAPI)", "API (OpenAPI)"),
        ["footer"] = ("Số liệu trích tự động từ bản tin của các Ban Quản lý; luôn đối chiếu với câu gốc.", "Figures extracted automatically from the boards' bulletins; always check them against their sentence."),
    };

    /// <summary>The navigation: path and text key; the page whose path is current is marked for screen readers.</summary>
    private static readonly (string Path, string Key)[] Nav =
    [
        ("/", "search"),
        ("/figures", "figures"),
        ("/charts", "charts"),
        ("/extract", "extract"),
        ("/sources", "sources"),
    ];

    public static string T(PageContext page, string key) => S.Get(key, page.Lang);

    /// <summary>A whole page. <paramref name="title"/> is plain text; <paramref name="main"/> is the page's content.</summary>
    public static Markup Page(PageContext page, string title, Markup main)
    {
        var lang = page.Lang == Lang.En ? "en" : "vi";
        var nav = Nav.Select(n =>
        {
            var current = n.Path == "/" ? page.Path == "/" : page.Path.StartsWith(n.Path, StringComparison.Ordinal);
            var href = Links.To(n.Path, ("lang", page.LangParam));
            return current
                ? Markup.Of($"<li><a href=\"{href}\" aria-current=\"page\">{T(page, n.Key)}</a></li>")
                : Markup.Of($"<li><a href=\"{href}\">{T(page, n.Key)}</a></li>");
        });

        return Markup.Of($"""
            <!doctype html>
            <html lang="{lang}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · Pipeline</title>
            <link rel="stylesheet" href="/assets/site.css">
            <link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
            <script src="/assets/site.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">{T(page, "skip")}</a>
            <header class="top">
            <a class="brand" href="{Links.To("/", ("lang", page.LangParam))}">{T(page, "product")}</a>
            <nav aria-label="{T(page, "nav")}"><ul>{nav}</ul></nav>
            <a class="lang" href="{page.OtherLanguageLink()}" hreflang="{T(page, "other-lang-code")}" lang="{T(page, "other-lang-code")}">{T(page, "other-lang")}</a>
            </header>
            <main id="main" tabindex="-1">
            {main}
            </main>
            <footer><p>{T(page, "footer")} · <a href="/api/openapi.json">{T(page, "api")}</a></p></footer>
            </body>
            </html>
            """);
    }
}
