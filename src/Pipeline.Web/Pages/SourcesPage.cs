using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Web.Html;

namespace Pipeline.Web.Pages;

/// <summary>The sources page (being built).</summary>
public static class SourcesPage
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/sources", (HttpContext http, WebData data) =>
    {
        var page = PageContext.Of(http);
        return Respond.Html(data.HasDocuments()
            ? Layout.Page(page, "Sources", Markup.Of($"<h1>Sources</h1>"))
            : EmptyStore.Page(page));
    });
}
