using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Web.Html;

namespace Pipeline.Web.Pages;

/// <summary>The charts page (being built).</summary>
public static class ChartsPage
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/charts", (HttpContext http, WebData data) =>
    {
        var page = PageContext.Of(http);
        return Respond.Html(data.HasDocuments()
            ? Layout.Page(page, "Charts", Markup.Of($"<h1>Charts</h1>"))
            : EmptyStore.Page(page));
    });
}
