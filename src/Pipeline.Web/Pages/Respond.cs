using Microsoft.AspNetCore.Http;
using Pipeline.Web.Html;

namespace Pipeline.Web.Pages;

/// <summary>How pages answer: HTML as UTF-8, never cached by shared caches (the store changes under it).</summary>
public static class Respond
{
    public const string HtmlType = "text/html; charset=utf-8";

    public static IResult Html(Markup page) => Results.Text(page.ToString(), HtmlType);

    public static async Task WriteHtmlAsync(HttpContext context, Markup page)
    {
        context.Response.ContentType = HtmlType;
        await context.Response.WriteAsync(page.ToString(), context.RequestAborted).ConfigureAwait(false);
    }
}
