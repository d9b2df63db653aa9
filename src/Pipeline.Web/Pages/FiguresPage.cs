using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Web.Html;

namespace Pipeline.Web.Pages;

/// <summary>The figures page (being built).</summary>
public static class FiguresPage
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/figures", (HttpContext http, WebData data) =>
    {
        var page = PageContext.Of(http);
        return Respond.Html(data.HasDocuments()
            ? Layout.Page(page, "Figures", Markup.Of($"<h1>Figures</h1>"))
            : EmptyStore.Page(page));
    });
}
