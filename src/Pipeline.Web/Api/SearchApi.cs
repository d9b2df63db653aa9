using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Core;
using Pipeline.Learning.Pages;
using Pipeline.Search;
using Pipeline.Web.Http;
using Pipeline.Web.Pages;

namespace Pipeline.Web.Api;

/// <summary>
/// GET /api/search: the search page's search as JSON, in the shape `pipeline search --format json` prints
/// (a SearchResult, figures as the data contract writes them). Paged by offset and limit; a bad parameter
/// is a 400 naming it; no index yet is a 503 saying how to build one.
/// </summary>
public static class SearchApi
{
    public const string Path = "/api/search";

    public static void Map(IEndpointRouteBuilder app) => app.MapGet(Path, async (HttpContext http, WebData data) =>
    {
        var query = SearchQuery.ForApi(http.Request.Query);
        SearchResult result;
        try
        {
            result = data.Index.Search(query.ToRequest());
        }
        catch (SearchUsageException e)
        {
            throw query.Refused(e, [.. Pipeline.Application.SearchLanguage.Vocabulary.Units.Union(data.Index.Units())]);
        }
        catch (NotAnIndexException)
        {
            await Errors.WriteAsync(http, StatusCodes.Status503ServiceUnavailable,
                $"there is no search index at {data.Options.Index} yet; build it with `pipeline run` (or `pipeline index --from-store`), then ask again", null).ConfigureAwait(false);
            return;
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(JsonSerializer.Serialize(result, FigureJson.Options), http.RequestAborted).ConfigureAwait(false);
    }).WithMetadata(Operation);

    private static readonly ApiOperation Operation = new(
        "search",
        "Documents matching words (any spelling: accented, unaccented, Telex) and filters, with highlighted snippets and facet counts; without words, the figures matching the figure filters.",
        [
            new ApiParameter("q", "string", "The words; \"a phrase\" in quotes, -word to leave out. Optional when a filter is given."),
            new ApiParameter("province", "string", "A province in any spelling or common name (\"ho chi minh\", \"TP.HCM\")."),
            new ApiParameter("from", "integer", "Published in this year or later."),
            new ApiParameter("to", "integer", "Published in this year or earlier."),
            new ApiParameter("type", "string", "The page's type.", Choices: PageTypes.All),
            new ApiParameter("metric", "string", "Only documents reporting a figure of this metric.", Choices: RequestCheck.Metrics),
            new ApiParameter("min", "number", "Only documents reporting a figure of at least this value (1234.5 or 1.234,5)."),
            new ApiParameter("max", "number", "Only documents reporting a figure of at most this value."),
            new ApiParameter("unit", "string", "The unit of the figure filter (USD, VND, ha, percent, worker, …)."),
            new ApiParameter("sort", "string", "Best match first (default) or newest first.", Choices: SearchQuery.Sorts),
            new ApiParameter("offset", "integer", $"Hits to skip, for paging (0 to {RequestCheck.MaxOffset})."),
            new ApiParameter("limit", "integer", $"Hits to return (1 to {SearchQuery.MaxLimit}; default {SearchQuery.PageSize})."),
        ],
        """
        {"type":"object","required":["total","hits","facets","figures","partial"],
         "properties":{
           "total":{"type":"integer","description":"Documents with every word (and passing every filter)."},
           "partial":{"type":"integer","description":"How many of the hits (the last ones) match only most of the words."},
           "hits":{"type":"array","items":{"type":"object","required":["source","score","snippet","figures"],"properties":{
             "source":{"type":"string","description":"The document's URL; its page is /document?url=SOURCE."},
             "title":{"type":["string","null"]},"published":{"type":["string","null"]},"board":{"type":["string","null"]},
             "province":{"type":["string","null"]},"score":{"type":"number"},
             "snippet":{"type":"string","description":"Text around the matches, each match marked **like this**."},
             "figures":{"type":"array","items":{"$ref":"#/components/schemas/Figure"},"description":"With a figure filter: the document's figures that pass it."},
             "page_type":{"type":["string","null"]},"missing":{"type":["array","null"],"items":{"type":"string"},"description":"The words a partial match lacks."}}}},
           "facets":{"type":"object","description":"Counts over every match: province, year, type, metric.","additionalProperties":{"type":"array","items":{"type":"object","properties":{"value":{"type":"string"},"count":{"type":"integer"}}}}},
           "figures":{"type":"array","description":"Without words: the figures matching the figure filters, with their document.","items":{"type":"object","properties":{"source":{"type":"string"},"title":{"type":["string","null"]},"figure":{"$ref":"#/components/schemas/Figure"}}}}}}
        """);
}
