using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Web.Html;

namespace Pipeline.Web.Pages;

/// <summary>The search page (being built).</summary>
public static class SearchPage
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/", (HttpContext http, WebData data) =>
    {
        var page = PageContext.Of(http);
        return Respond.Html(data.HasDocuments()
            ? Layout.Page(page, "Search", Markup.Of($"<h1>Search</h1>"))
            : EmptyStore.Page(page));
    });
}
