using Utf8 = System.Text.Encoding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Application;
using Pipeline.Application.Export;
using Pipeline.Core;
using Pipeline.Web.Api;
using Pipeline.Web.Html;
using Pipeline.Web.Http;

namespace Pipeline.Web.Pages;

/// <summary>
/// Extract: paste a text or HTML, or upload a file (up to 5 MB), and get the figures and the highlighted text
/// exactly as `pipeline extract` gives them (the same reading sequence, <see cref="Extracts"/>); download them as
/// CSV or JSON in `pipeline extract`'s shapes, or copy the JSON. Nothing is stored. Also POST /api/extract.
/// </summary>
/// <remarks>
/// No antiforgery token: the server sets no cookie and keeps no session, so a forged cross-site POST can do
/// nothing a visitor could not do by posting the text themselves (it stores nothing and reads nothing private),
/// and the Content-Security-Policy's <c>form-action 'self'</c> keeps our own pages from posting anywhere else.
/// </remarks>
public static class ExtractPage
{
    private static readonly Texts S = new()
    {
        ["title"] = ("Trích xuất số liệu", "Extract figures"),
        ["lead"] = ("Dán một bản tin (văn bản hoặc HTML) hoặc chọn một tệp: trang trả về các số liệu và văn bản được đánh dấu, đúng như lệnh pipeline extract. Không có gì được lưu lại.", "Paste a bulletin (text or HTML) or choose a file: you get its figures and the highlighted text, exactly as the pipeline extract command gives them. Nothing is stored."),
        ["text-label"] = ("Văn bản hoặc HTML", "Text or HTML"),
        ["file-label"] = ("hoặc một tệp (.txt, .html; tối đa 5 MB)", "or a file (.txt, .html; up to 5 MB)"),
        ["submit"] = ("Trích xuất", "Extract"),
        ["result"] = ("Kết quả", "Result"),
        ["figures-count"] = ("số liệu", "figures"),
        ["source"] = ("Nguồn", "Source"),
        ["doc-title"] = ("Tiêu đề", "Title"),
        ["published"] = ("Ngày đăng", "Published"),
        ["board"] = ("Ban Quản lý", "Board"),
        ["province"] = ("Tỉnh, thành", "Province"),
        ["period"] = ("Kỳ báo cáo", "Report period"),
        ["page-type"] = ("Loại trang", "Page type"),
        ["warnings"] = ("Cảnh báo khi đọc", "Reading warnings"),
        ["csv"] = ("Tải CSV", "Download CSV"),
        ["json"] = ("Tải JSON", "Download JSON"),
        ["copy"] = ("Sao chép JSON", "Copy the JSON"),
        ["text"] = ("Văn bản đã làm sạch", "The clean text"),
        ["list"] = ("Số liệu", "Figures"),
        ["json-view"] = ("JSON (như pipeline extract --format json)", "JSON (as pipeline extract --format json)"),
        ["unknown"] = ("–", "–"),
    };

    /// <summary>The name a pasted text goes by in the results (a file goes by its own name).</summary>
    public const string PastedSource = "pasted";

    private static readonly string[] Formats = ["page", "csv", "json"];

    private const string ResultSchema = """
        {"type":"object","required":["document","clean_text"],
         "properties":{
           "document":{"type":"object","description":"The document as `pipeline extract --format jsonl` writes it: source, title, published, board, province, period, figures, warnings.",
             "properties":{"figures":{"type":"array","items":{"$ref":"#/components/schemas/Figure"}}}},
           "clean_text":{"type":"string","description":"The text the figures' offsets point into."},
           "page_type":{"type":"string","description":"The page classifier's verdict (report, news, …)."}}}
        """;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/extract", (HttpContext http) =>
        {
            var page = PageContext.Of(http);
            _ = new Params(http.Request.Query);
            return Respond.Html(Render(page, null, null));
        });

        app.MapPost("/extract", async (HttpContext http) =>
        {
            var page = PageContext.Of(http);
            _ = new Params(http.Request.Query);
            var input = await ExtractInput.ReadAsync(http, Formats).ConfigureAwait(false);
            if (input.TooLarge is { } tooLarge)
            {
                await Errors.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, tooLarge, input.Field).ConfigureAwait(false);
                return Results.Empty;
            }

            var extraction = await input.ExtractAsync(http.RequestAborted).ConfigureAwait(false);
            var read = extraction.Result.Read!;
            return input.Format switch
            {
                "csv" => Results.File(Csv(read.Document), "text/csv; charset=utf-8", "pipeline-extract.csv"),
                "json" => Results.File(Utf8.UTF8.GetBytes(Json(read.Document)), "application/json; charset=utf-8", "pipeline-extract.json"),
                _ => Respond.Html(Render(page, input, extraction)),
            };
        }).RequireRateLimiting(WebServer.ExtractPolicy);

        app.MapPost("/api/extract", async (HttpContext http) =>
        {
            _ = new Params(http.Request.Query);
            var input = await ExtractInput.ReadAsync(http, null).ConfigureAwait(false);
            if (input.TooLarge is { } tooLarge)
            {
                await Errors.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, tooLarge, input.Field).ConfigureAwait(false);
                return Results.Empty;
            }

            var read = (await input.ExtractAsync(http.RequestAborted).ConfigureAwait(false)).Result.Read!;
            return Results.Text(FigureJson.Serialize(new { read.Document, read.CleanText, PageType = read.PageType.Type }), "application/json; charset=utf-8");
        }).RequireRateLimiting(WebServer.ExtractPolicy).WithMetadata(new ApiOperation(
            "extract",
            "Extracts the figures of a pasted text or HTML, or of an uploaded file (at most 5 MB), as `pipeline extract` does; nothing is stored. Rate-limited per client.",
            [],
            ResultSchema,
            "A form with either 'text' (a text or HTML) or 'file' (a file's bytes; its charset is detected), and optionally 'source' (the name the results give it)."));
    }

    /// <summary>The CSV of `pipeline extract --format csv`, with a byte-order mark so spreadsheets read Vietnamese right.</summary>
    public static byte[] Csv(ExtractedDocument document)
    {
        using var writer = new StringWriter();
        ExtractTable.WriteCsv([document], writer);
        return [.. Utf8.UTF8.GetPreamble(), .. Utf8.UTF8.GetBytes(writer.ToString())];
    }

    /// <summary>The JSON of `pipeline extract --format json`: a list of the documents read (here, one).</summary>
    public static string Json(ExtractedDocument document) => FigureJson.Serialize(new[] { document }, indented: true) + "\n";

    private static Markup Render(PageContext page, ExtractInput? input, ExtractedInput? extraction)
    {
        string T(string key) => S.Get(key, page.Lang);
        var action = Links.To("/extract", ("lang", page.LangParam));

        // The new line after each <textarea> is eaten by the HTML parser, so a text that starts with one keeps it.
        var pasted = input?.Bytes is null ? input?.Text ?? "" : "";
        var main = Markup.Of($"""
            <section class="extract">
            <h1>{T("title")}</h1>
            <p class="lead">{T("lead")}</p>
            <form class="extract-form" method="post" action="{action}" enctype="multipart/form-data">
            <label for="extract-text">{T("text-label")}</label>
            <textarea id="extract-text" name="text" rows="12" spellcheck="false">
            {pasted}</textarea>
            <label for="extract-file">{T("file-label")}</label>
            <input id="extract-file" type="file" name="file" accept=".txt,.htm,.html,text/plain,text/html">
            <p><button type="submit">{T("submit")}</button></p>
            </form>
            {(input is not null && extraction?.Result.Read is { } read ? Result(page, input, extraction, read) : Markup.Empty)}
            </section>
            """);
        return Layout.Page(page, T("title"), main);
    }

    private static Markup Result(PageContext page, ExtractInput input, ExtractedInput extraction, Pipeline.Processing.ReadDocument read)
    {
        string T(string key) => S.Get(key, page.Lang);
        var d = read.Document;
        var (text, marked) = FigureMarks.Highlight(read.CleanText, d.Figures);
        var action = Links.To("/extract", ("lang", page.LangParam));
        var warnings = d.Warnings.Count == 0 ? Markup.Empty : Markup.Of($"""
            <details class="warnings" open><summary>{T("warnings")} ({d.Warnings.Count})</summary><ul>{d.Warnings.Select(w => Markup.Of($"<li>{w}</li>"))}</ul></details>
            """);
        return Markup.Of($"""
            <section class="extract-result" aria-labelledby="result-heading">
            <h2 id="result-heading">{T("result")}: <span class="figure-count">{d.Figures.Count}</span> {T("figures-count")}</h2>
            <dl class="meta">
            <dt>{T("source")}</dt><dd>{d.Source}</dd>
            <dt>{T("doc-title")}</dt><dd>{d.Title ?? T("unknown")}</dd>
            <dt>{T("published")}</dt><dd>{d.Published ?? T("unknown")}</dd>
            <dt>{T("board")}</dt><dd>{d.Board ?? T("unknown")}</dd>
            <dt>{T("province")}</dt><dd>{d.Province ?? T("unknown")}</dd>
            <dt>{T("period")}</dt><dd>{d.Period ?? T("unknown")}</dd>
            <dt>{T("page-type")}</dt><dd>{read.PageType.Type}</dd>
            </dl>
            {warnings}
            <div class="actions">
            <form class="download" method="post" action="{action}" enctype="multipart/form-data">
            <textarea name="text" hidden>
            {extraction.Content ?? ""}</textarea>
            <input type="hidden" name="source" value="{input.Source}">
            <button type="submit" name="format" value="csv">{T("csv")}</button>
            <button type="submit" name="format" value="json">{T("json")}</button>
            </form>
            <button type="button" data-copy="extract-json" hidden>{T("copy")}</button>
            </div>
            <div class="document-body">
            <section class="document-text" aria-labelledby="text-heading">
            <h3 id="text-heading">{T("text")}</h3>
            <div class="clean-text">{text}</div>
            </section>
            <section class="document-figures" aria-labelledby="figures-heading">
            <h3 id="figures-heading">{T("list")} ({d.Figures.Count})</h3>
            {FigureList.Table(page, d.Figures, marked)}
            </section>
            </div>
            <details class="json"><summary>{T("json-view")}</summary><pre id="extract-json">{Json(d)}</pre></details>
            </section>
            """);
    }
}

/// <summary>What a visitor sent to extract: a pasted text or a file's bytes, the name to give it, and the format wanted; or why it is refused.</summary>
internal sealed record ExtractInput(string Source, string? Text, byte[]? Bytes, string Format, string Field, string? TooLarge)
{
    private static readonly string[] Fields = ["text", "file", "source", "format"];

    /// <summary>Reads the request's form strictly (unknown fields, both or neither input: 400); an input over 5 MB gives <see cref="TooLarge"/>.</summary>
    /// <param name="http">The request.</param>
    /// <param name="formats">The formats this endpoint offers, or null when it has one (the API's JSON).</param>
    public static async Task<ExtractInput> ReadAsync(HttpContext http, IReadOnlyCollection<string>? formats)
    {
        if (!http.Request.HasFormContentType)
        {
            throw Refusals.NotAForm();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var allowed = formats is null ? Fields[..3] : Fields;
        foreach (var field in form.Keys.Concat(form.Files.Select(f => f.Name)))
        {
            if (!allowed.Contains(field, StringComparer.Ordinal))
            {
                throw Refusals.UnknownField(field, allowed);
            }
        }

        string? Single(string name) => form[name].Count switch
        {
            0 => null,
            1 => form[name][0],
            var n => throw Refusals.Repeated(name, n),
        };

        var format = Single("format") is { Length: > 0 } f
            ? formats!.FirstOrDefault(c => string.Equals(c, f, StringComparison.OrdinalIgnoreCase)) ?? throw Refusals.NotOneOf("format", formats!, f)
            : "page";
        var name = Single("source")?.Trim();
        if (name is { Length: > 200 })
        {
            throw Refusals.TooLong("source", 200);
        }

        // A browser sends an empty file part when no file was chosen.
        var file = form.Files.Where(x => x.Name == "file" && x.Length > 0).ToList();
        var text = Single("text");
        var hasText = !string.IsNullOrWhiteSpace(text);
        if (file.Count > 1)
        {
            throw Refusals.OneFile();
        }

        if (file.Count == 1 && hasText)
        {
            throw Refusals.TextAndFile();
        }

        if (file.Count == 1)
        {
            var upload = file[0];
            var source = string.IsNullOrEmpty(name) ? Path.GetFileName(upload.FileName) is { Length: > 0 } n ? n : "upload" : name;
            if (upload.Length > Extracts.MaxBytes)
            {
                return new ExtractInput(source, null, null, format, "file", $"the file is {Megabytes(upload.Length)}; the largest accepted is 5 MB");
            }

            using var buffer = new MemoryStream((int)upload.Length);
            await upload.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            return new ExtractInput(source, null, buffer.ToArray(), format, "file", null);
        }

        if (!hasText)
        {
            throw Refusals.NoInput();
        }

        var bytes = Utf8.UTF8.GetByteCount(text!);
        return bytes > Extracts.MaxBytes
            ? new ExtractInput(name ?? ExtractPage.PastedSource, null, null, format, "text", $"the text is {Megabytes(bytes)}; the largest accepted is 5 MB")

            // Browsers send a text area's line breaks as CR LF whatever was pasted; the text as pasted has LF.
            : new ExtractInput(string.IsNullOrEmpty(name) ? ExtractPage.PastedSource : name, text!.Replace("\r\n", "\n", StringComparison.Ordinal), null, format, "text", null);
    }

    /// <summary>Reads the input as `pipeline extract` would (limited by the request's deadline); an unreadable input is a 400 saying why.</summary>
    public async Task<ExtractedInput> ExtractAsync(CancellationToken cancel)
    {
        var extraction = Bytes is { } bytes
            ? await Extracts.BytesAsync(Source, bytes, cancel).ConfigureAwait(false)
            : await Extracts.TextAsync(Source, Text!, cancel).ConfigureAwait(false);
        return extraction.Result.Read is null
            ? throw new BadParameterException(Field, $"{Source}: {extraction.Result.Error}", $"{Source}: không đọc được ({extraction.Result.Error})")
            : extraction;
    }

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}
