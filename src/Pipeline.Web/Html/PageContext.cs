using Microsoft.AspNetCore.Http;

namespace Pipeline.Web.Html;

/// <summary>What every page knows of its request: the language, and its own URL (to link the other language to the same state).</summary>
public sealed record PageContext(Lang Lang, string Path, QueryString Query, WebOptions Options)
{
    public static PageContext Of(HttpContext http) => new(
        string.Equals(http.Request.Query["lang"].FirstOrDefault(), "en", StringComparison.OrdinalIgnoreCase) ? Lang.En : Lang.Vi,
        http.Request.Path.Value ?? "/",
        http.Request.QueryString,
        http.RequestServices.GetService(typeof(WebOptions)) as WebOptions ?? throw new InvalidOperationException("WebOptions are not registered"));

    /// <summary>The language parameter to carry on the product's links ("en", or nothing for the default).</summary>
    public string? LangParam => Lang == Lang.En ? "en" : null;

    /// <summary>This same page in the other language.</summary>
    public string OtherLanguageLink()
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query.Value)
            .Where(kv => kv.Key != "lang")
            .SelectMany(kv => kv.Value.Select(v => (kv.Key, (string?)v)))
            .Append(("lang", Lang == Lang.En ? null : "en"));
        return Links.To(Path, query);
    }
}
