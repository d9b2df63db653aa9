using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Web.Html;

namespace Pipeline.Web.Pages;

/// <summary>The extract page (being built).</summary>
public static class ExtractPage
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/extract", (HttpContext http, WebData data) =>
    {
        var page = PageContext.Of(http);
        return Respond.Html(data.HasDocuments()
            ? Layout.Page(page, "Extract", Markup.Of($"<h1>Extract</h1>"))
            : EmptyStore.Page(page));
    });
}
