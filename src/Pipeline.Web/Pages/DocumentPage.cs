using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Application;
using Pipeline.Core;
using Pipeline.Web.Api;
using Pipeline.Web.Html;
using Pipeline.Web.Http;

namespace Pipeline.Web.Pages;

/// <summary>
/// One stored document: its clean text with every figure highlighted in place, the list of its figures
/// beside it, where it came from, and the facts it shares with other documents. Also "/document?url=…"
/// (the search page's links), which redirects to the document's id, and its JSON at /api/documents/{id}.
/// </summary>
public static class DocumentPage
{
    private static readonly Texts S = new()
    {
        ["untitled"] = ("(không có tiêu đề)", "(untitled)"),
        ["source"] = ("Nguồn", "Source"),
        ["board"] = ("Ban Quản lý", "Board"),
        ["province"] = ("Tỉnh, thành", "Province"),
        ["published"] = ("Ngày đăng", "Published"),
        ["fetched"] = ("Ngày thu thập", "Fetched"),
        ["period"] = ("Kỳ báo cáo", "Report period"),
        ["page-type"] = ("Loại trang", "Page type"),
        ["figures"] = ("số liệu", "figures"),
        ["text"] = ("Nội dung", "Text"),
        ["list"] = ("Số liệu", "Figures"),
        ["shared"] = ("Số liệu trùng với tài liệu khác", "Facts shared with other documents"),
        ["shared-lead"] = ("Cùng tỉnh, chỉ tiêu, kỳ và đơn vị: các tài liệu khác báo cáo cùng số liệu này.", "Same province, metric, period and unit: other documents that report the same fact."),
        ["fact"] = ("Số liệu", "Fact"),
        ["this"] = ("Tài liệu này", "This document"),
        ["others"] = ("Tài liệu khác", "Other documents"),
        ["conflict"] = ("Các báo cáo không khớp nhau", "The reports disagree"),
        ["agree"] = ("Khớp", "Agree"),
        ["verdict"] = ("Đối chiếu", "Check"),
        ["target"] = ("mục tiêu", "target"),
        ["json"] = ("Dữ liệu JSON của tài liệu", "The document as JSON"),
        ["warnings"] = ("Cảnh báo khi đọc", "Reading warnings"),
        ["unknown"] = ("–", "–"),
        ["url-param"] = ("thiếu tham số 'url': địa chỉ trang của một tài liệu đã lưu", "'url' is required: the page address of a stored document"),
    };

    private const string DocumentSchema = """
        {"type":"object","required":["id","url","text","figures","shared_facts"],
         "properties":{
           "id":{"type":"integer"},"url":{"type":"string"},"site":{"type":"string"},"title":{"type":["string","null"]},
           "published":{"type":["string","null"]},"board":{"type":["string","null"]},"province":{"type":["string","null"]},
           "period":{"type":["string","null"]},"page_type":{"type":["string","null"]},"fetched_at":{"type":"string"},
           "warnings":{"type":"array","items":{"type":"string"}},
           "text":{"type":"string","description":"The clean text the figures' start and end offsets point into."},
           "figures":{"type":"array","items":{"$ref":"#/components/schemas/Figure"}},
           "shared_facts":{"type":"array","items":{"type":"object","properties":{
             "fact":{"type":"string"},"conflict":{"type":"boolean"},
             "figures":{"type":"array","items":{"type":"integer"},"description":"Indexes into figures: this document's reports of the fact."},
             "others":{"type":"array","items":{"type":"object","properties":{
               "document_id":{"type":"integer"},"url":{"type":"string"},"title":{"type":["string","null"]},"published":{"type":["string","null"]},"value":{"type":"number"}}}}}}}}}
        """;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/{id:long}", (HttpContext http, WebData data, long id) =>
        {
            var page = PageContext.Of(http);
            _ = new Params(http.Request.Query);
            return Find(data, id) is { } view ? Respond.Html(Render(page, view)) : Results.NotFound();
        });

        app.MapGet("/document", (HttpContext http, WebData data) =>
        {
            var page = PageContext.Of(http);
            var url = new Params(http.Request.Query, "url").Text("url", maxLength: 2000)
                ?? throw new BadParameterException("url", S.Get("url-param", Lang.En), S.Get("url-param", Lang.Vi));
            return data.HasDocuments() && Documents.IdOf(data.Options.Database, url) is { } id
                ? Results.Redirect(Links.To("/documents/" + id.ToString(CultureInfo.InvariantCulture), ("lang", page.LangParam)))
                : Results.NotFound();
        });

        app.MapGet("/api/documents/{id:long}", (HttpContext http, WebData data, long id) =>
        {
            _ = new Params(http.Request.Query);
            return Find(data, id) is { } view ? Results.Text(FigureJson.Serialize(Json(view)), "application/json; charset=utf-8") : Results.NotFound();
        }).WithMetadata(new ApiOperation(
            "getDocument",
            "One stored document: its metadata, clean text, figures (offsets into the text) and the facts it shares with other documents.",
            [new ApiParameter("id", "integer", "The document's id (as search and figure results give it).", InPath: true)],
            DocumentSchema));
    }

    private static DocumentView? Find(WebData data, long id) => data.HasDocuments() ? Documents.ById(data.Options.Database, id) : null;

    /// <summary>The API's shape: the contract's names (snake_case), figures as the contract writes them.</summary>
    private static object Json(DocumentView view)
    {
        var d = view.Document;
        return new
        {
            d.Id,
            d.Url,
            d.Site,
            d.Title,
            d.Published,
            d.Board,
            d.Province,
            d.Period,
            d.PageType,
            FetchedAt = Stamps.Of(d.FetchedAt),
            d.Warnings,
            d.Text,
            d.Figures,
            SharedFacts = view.SharedFacts.Select(f => new
            {
                Fact = f.Key,
                f.Conflict,
                f.Figures,
                Others = f.Others.Select(o => new { o.DocumentId, o.Url, o.Title, o.Published, o.Value }),
            }),
        };
    }

    public static Markup Render(PageContext page, DocumentView view)
    {
        string T(string key) => S.Get(key, page.Lang);
        var d = view.Document;
        var title = string.IsNullOrWhiteSpace(d.Title) ? T("untitled") : d.Title;
        var (text, marked) = FigureMarks.Highlight(d.Text, d.Figures);
        var id = d.Id.ToString(CultureInfo.InvariantCulture);
        var warnings = d.Warnings.Count == 0 ? Markup.Empty : Markup.Of($"""
            <details class="warnings"><summary>{T("warnings")} ({d.Warnings.Count})</summary><ul>{d.Warnings.Select(w => Markup.Of($"<li>{w}</li>"))}</ul></details>
            """);
        var main = Markup.Of($"""
            <article class="document-page">
            <header class="document-head">
            <h1>{title}</h1>
            <dl class="meta">
            <dt>{T("source")}</dt><dd>{SourceLink(d.Url)}</dd>
            <dt>{T("board")}</dt><dd>{d.Board ?? T("unknown")}</dd>
            <dt>{T("province")}</dt><dd>{d.Province ?? T("unknown")}</dd>
            <dt>{T("published")}</dt><dd>{d.Published ?? T("unknown")}</dd>
            <dt>{T("fetched")}</dt><dd><time datetime="{Stamps.Of(d.FetchedAt)}">{d.FetchedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC</time></dd>
            <dt>{T("period")}</dt><dd>{d.Period ?? T("unknown")}</dd>
            <dt>{T("page-type")}</dt><dd>{d.PageType ?? T("unknown")}</dd>
            </dl>
            <p class="api-link"><a href="/api/documents/{id}">{T("json")}</a></p>
            {warnings}
            </header>
            <div class="document-body">
            <section class="document-text" aria-labelledby="text-heading">
            <h2 id="text-heading">{T("text")}</h2>
            <div class="clean-text">{text}</div>
            </section>
            <section class="document-figures" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{T("list")} ({d.Figures.Count})</h2>
            {FigureList.Table(page, d.Figures, marked)}
            </section>
            </div>
            {Shared(page, view, marked)}
            </article>
            """);
        return Layout.Page(page, title, main);
    }

    /// <summary>The source as a link only when it is a web address; anything else (a file name, a javascript: URL) is shown as text.</summary>
    public static Markup SourceLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? Markup.Of($"<a class=\"source-url\" href=\"{uri.AbsoluteUri}\" rel=\"noopener noreferrer nofollow\">{url}</a>")
            : Markup.Of($"<span class=\"source-url\">{url}</span>");

    private static Markup Shared(PageContext page, DocumentView view, IReadOnlySet<int> marked)
    {
        if (view.SharedFacts.Count == 0)
        {
            return Markup.Empty;
        }

        string T(string key) => S.Get(key, page.Lang);
        var rows = view.SharedFacts.Select(fact =>
        {
            var f = fact.Figure;
            var what = string.Join(" · ", new[] { FigureLabels.Metric(f.Metric, page.Lang), FigureLabels.Measure(f.Measure, page.Lang), FigureLabels.Scope(f.Scope, page.Lang) }.Where(x => x.Length > 0));
            var own = fact.Figures.Select(i => marked.Contains(i)
                ? Markup.Of($"<li><a href=\"#{FigureMarks.Id(i)}\">{VietnameseFormat.Value(view.Document.Figures[i])}</a></li>")
                : Markup.Of($"<li>{VietnameseFormat.Value(view.Document.Figures[i])}</li>"));
            var others = fact.Others.Select(o => Markup.Of($"""
                <li><a href="{Links.To("/documents/" + o.DocumentId.ToString(CultureInfo.InvariantCulture), ("lang", page.LangParam))}">{(string.IsNullOrWhiteSpace(o.Title) ? o.Url : o.Title)}</a> <span class="date">{o.Published ?? ""}</span>: <span class="amount">{VietnameseFormat.Amount(o.Value, f.Unit)}</span></li>
                """));
            var verdict = fact.Conflict
                ? Markup.Of($"<span class=\"conflict\">{T("conflict")}</span>")
                : Markup.Of($"<span class=\"agree\">{T("agree")}</span>");
            return Markup.Of($"""
                <tr{(fact.Conflict ? Markup.Of($" class=\"conflict\"") : Markup.Empty)}>
                <td>{what}{(f.Target ? Markup.Of($" <small>({T("target")})</small>") : Markup.Empty)}</td>
                <td>{f.Period ?? ""}</td>
                <td><ul>{own}</ul></td>
                <td><ul>{others}</ul></td>
                <td>{verdict}</td>
                </tr>
                """);
        });
        return Markup.Of($"""
            <section class="shared-facts" aria-labelledby="shared-heading">
            <h2 id="shared-heading">{T("shared")}</h2>
            <p>{T("shared-lead")}</p>
            <table class="data">
            <thead><tr><th scope="col">{T("fact")}</th><th scope="col">{T("period")}</th><th scope="col">{T("this")}</th><th scope="col">{T("others")}</th><th scope="col">{T("verdict")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </section>
            """);
    }
}
