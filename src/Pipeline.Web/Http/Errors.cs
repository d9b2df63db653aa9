using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pipeline.Application;
using Pipeline.Search;
using Pipeline.Web.Html;

namespace Pipeline.Web.Http;

/// <summary>
/// Every failure answered as a page (or, under /api, as JSON) that says what went wrong in one line:
/// a bad parameter is 400, an unknown page or document 404, a body too large 413, a request that ran out
/// of time 503, anything else 500 with the details in the server's log only, never a stack trace.
/// </summary>
public static class Errors
{
    private static readonly Texts S = new()
    {
        ["400"] = ("Yêu cầu không hợp lệ", "Bad request"),
        ["404"] = ("Không tìm thấy", "Not found"),
        ["404-text"] = ("Không có trang hay tài liệu nào ở địa chỉ này.", "There is no page or document at this address."),
        ["413"] = ("Nội dung quá lớn", "Too large"),
        ["429"] = ("Quá nhiều yêu cầu", "Too many requests"),
        ["429-text"] = ("Vui lòng thử lại sau một phút.", "Please try again in a minute."),
        ["503"] = ("Hết thời gian xử lý", "Timed out"),
        ["500"] = ("Lỗi máy chủ", "Server error"),
        ["500-text"] = ("Đã xảy ra lỗi; chi tiết nằm trong nhật ký của máy chủ.", "Something went wrong; the details are in the server's log."),
        ["home"] = ("Về trang tìm kiếm", "Back to search"),
    };

    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var (status, message, parameter) = e switch
            {
                BadParameterException bad => (400, Says(bad, context), bad.Parameter),
                SearchUsageException usage => (400, usage.Message, usage.Problems.FirstOrDefault()?.Parameter),
                UsageException usage => (400, usage.Message, null),
                BadHttpRequestException { StatusCode: 413 } => (413, "the request body is larger than the server accepts", null),
                BadHttpRequestException bad => (bad.StatusCode, bad.Message, null),
                OperationCanceledException when context.RequestAborted.IsCancellationRequested => (499, "", null),
                OperationCanceledException => (503, "the request took longer than the server allows", null),
                _ => (500, "", (string?)null),
            };
            if (status == 499)
            {
                return; // the client went away; nobody to answer
            }

            if (status == 500)
            {
                context.RequestServices.GetService(typeof(ILogger<WebServer>)).As<ILogger>()?.LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            }

            await WriteAsync(context, status, message, parameter).ConfigureAwait(false);
        }

        if (context.Response is { StatusCode: 404 or 405 or 429, HasStarted: false } response && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await WriteAsync(context, response.StatusCode, "", null).ConfigureAwait(false);
        }
    });

    /// <summary>Writes an error answer: JSON for the API, else a page in the request's language.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string message, string? parameter)
    {
        var page = PageContext.Of(context);
        var key = status switch { 400 or 404 or 413 or 429 or 503 => status.ToString(System.Globalization.CultureInfo.InvariantCulture), 405 => "404", _ => "500" };
        var title = S.Get(key, page.Lang);
        var text = message.Length > 0 ? message : key switch
        {
            "404" => S.Get("404-text", page.Lang),
            "429" => S.Get("429-text", page.Lang),
            _ => S.Get("500-text", page.Lang),
        };
        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = text, parameter }), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var main = Markup.Of($"""
            <section class="error">
            <h1>{title}</h1>
            <p class="message" role="alert">{text}</p>
            <p><a href="{Links.To("/", ("lang", page.LangParam))}">{S.Get("home", page.Lang)}</a></p>
            </section>
            """);
        await Pages.Respond.WriteHtmlAsync(context, Layout.Page(page, title, main)).ConfigureAwait(false);
    }

    /// <summary>A refusal in the page's language; the JSON API always answers in English, as its clients read it.</summary>
    private static string Says(BadParameterException bad, HttpContext context) =>
        PageContext.Of(context).Lang == Lang.Vi && !context.Request.Path.StartsWithSegments("/api") ? bad.Vietnamese : bad.Message;

    private static T? As<T>(this object? value)
        where T : class => value as T;
}
