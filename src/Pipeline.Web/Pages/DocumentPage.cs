using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Web.Html;

namespace Pipeline.Web.Pages;

/// <summary>The documents/{id:long} page (being built).</summary>
public static class DocumentPage
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/documents/{id:long}", (HttpContext http, WebData data) =>
    {
        var page = PageContext.Of(http);
        return Respond.Html(data.HasDocuments()
            ? Layout.Page(page, "Document", Markup.Of($"<h1>Document</h1>"))
            : EmptyStore.Page(page));
    });
}
