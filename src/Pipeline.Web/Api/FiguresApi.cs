using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Application;
using Pipeline.Application.Export;
using Pipeline.Core;
using Pipeline.Storage;
using Pipeline.Web.Http;
using Pipeline.Web.Pages;

namespace Pipeline.Web.Api;

/// <summary>
/// GET /api/figures (the figures page's selection, a page at a time, each figure in the contract's shape
/// with its document) and GET /api/facts (the linked facts the charts are drawn from).
/// </summary>
public static class FiguresApi
{
    /// <summary>The largest page /api/figures and /api/facts give.</summary>
    public const int MaxSize = 1000;

    private static readonly IReadOnlyList<ApiParameter> FigureParameters =
    [
        new("province", "string", "The document's province, in any spelling (\"Bình Dương\", \"binh duong\", \"TP.HCM\")."),
        new("from", "integer", "Documents published in or after this year."),
        new("to", "integer", "Documents published in or before this year."),
        new("type", "string", "The document's page type.", Choices: Pipeline.Learning.Pages.PageTypes.All),
        new("metric", "string", "The figure's metric.", Choices: FigureQueries.Metrics),
        new("measure", "string", "The figure's measure.", Choices: FigureQueries.Measures),
        new("scope", "string", "fdi, domestic, or none (figures without scope).", Choices: FigureQueries.Scopes),
        new("period", "string", "The figure's period as the contract writes it (2023, 2023-Q1, ..2023-06)."),
        new("min", "number", "The lowest value, in base units (500 million USD = 500000000); 1.234,5 and 1,234.5 are both read."),
        new("max", "number", "The highest value, in base units."),
        new("unit", "string", "The figure's unit (USD, VND, percent, worker, …)."),
        new("fact", "string", "Only the figures linked as this fact (a fact's key, from /api/facts)."),
        new("sort", "string", "The order: a column, descending with a leading '-'.", Choices: FigureSelection.Sorts),
        new("page", "integer", "The page, from 1."),
        new("size", "integer", $"Figures a page, 1 to {MaxSize} (default 50)."),
    ];

    private static readonly IReadOnlyList<ApiParameter> FactParameters =
    [
        new("province", "string", "A province, in any spelling; repeat for several."),
        new("metric", "string", "The fact's metric.", Choices: FigureQueries.Metrics),
        new("measure", "string", "The fact's measure.", Choices: FigureQueries.Measures),
        new("scope", "string", "fdi, domestic, or none.", Choices: FigureQueries.Scopes),
        new("unit", "string", "The fact's unit."),
        new("period", "string", "The period exactly (2023, 2023-Q1, 2023-H1, ..2023-06)."),
        new("from", "integer", "Periods starting in or after this year."),
        new("to", "integer", "Periods starting in or before this year."),
        new("target", "boolean", "true: goals and plans only; false: results only; absent: both."),
        new("page", "integer", "The page, from 1."),
        new("size", "integer", $"Facts a page, 1 to {MaxSize} (default 100)."),
    ];

    private const string FigureItem =
        """
        {"allOf":[{"$ref":"#/components/schemas/Figure"},{"type":"object","properties":{
          "id":{"type":"string","description":"document_id-ordinal, as the export's figure_id"},
          "document_id":{"type":"integer"},"title":{"type":["string","null"]},"url":{"type":"string"},
          "board":{"type":["string","null"]},"page_type":{"type":["string","null"]},"fact_key":{"type":["string","null"]},
          "flags":{"type":"array","items":{"type":"string"}}}}]}
        """;

    private const string FactItem =
        """
        {"type":"object","properties":{
          "key":{"type":"string"},"province":{"type":"string"},"metric":{"type":"string"},"measure":{"type":"string"},
          "scope":{"type":["string","null"]},"period":{"type":"string"},"target":{"type":"boolean"},"unit":{"type":"string"},
          "value":{"type":"number","description":"The value the fact stands for: the largest reported."},
          "value_min":{"type":"number"},"value_max":{"type":"number"},
          "reports":{"type":"integer","description":"Figures reporting it."},"documents":{"type":"integer","description":"Documents reporting it."},
          "conflict":{"type":"boolean","description":"The documents report different values."},
          "figures":{"type":"string","description":"The /api/figures address of the figures behind it."}}}
        """;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/figures", Figures).WithMetadata(new ApiOperation(
            "figures",
            "The figures matching the filters (those of the figures page), a page at a time, each in the contract's shape with its document.",
            FigureParameters,
            """{"type":"object","properties":{"total":{"type":"integer"},"page":{"type":"integer"},"size":{"type":"integer"},"pages":{"type":"integer"},"figures":{"type":"array","items":""" + FigureItem + "}}}"));
        app.MapGet("/api/facts", Facts).WithMetadata(new ApiOperation(
            "facts",
            "The linked facts (one per province, metric, measure, scope, period, target and unit, across documents), with the value drawn on the charts and whether reports conflict.",
            FactParameters,
            """{"type":"object","properties":{"total":{"type":"integer"},"page":{"type":"integer"},"size":{"type":"integer"},"facts":{"type":"array","items":""" + FactItem + "}}}"));
    }

    private static IResult Figures(HttpContext http, WebData data)
    {
        if (!data.HasDocuments())
        {
            _ = new Params(http.Request.Query, FigureSelection.Names.Append("size"));
            return Json(new JsonObject { ["total"] = 0, ["page"] = 1, ["size"] = 50, ["pages"] = 1, ["figures"] = new JsonArray() });
        }

        using var store = data.OpenStore();
        var (selection, p) = FigureSelection.Read(http.Request.Query, FigureQueries.Units(store), "size");
        var size = p.Int("size", 1, MaxSize) ?? FiguresPage.PageSize;
        var found = FigureQueries.Find(store, selection.Filter, selection.SortColumn, selection.Descending, selection.Page, size);
        return Json(new JsonObject
        {
            ["total"] = found.Total,
            ["page"] = found.Page,
            ["size"] = found.PageSize,
            ["pages"] = found.Pages,
            ["figures"] = new JsonArray([.. found.Figures.Select(Figure)]),
        });
    }

    private static IResult Facts(HttpContext http, WebData data)
    {
        var p = new Params(http.Request.Query, FactParameters.Select(x => x.Name));
        using var store = data.HasDocuments() ? data.OpenStore() : null;
        var provinces = p.All("province").Select(typed => FigureQueries.Province(typed)
            ?? throw Refusals.UnknownProvince(typed, FigureQueries.ClosestProvince(typed))).ToList();
        var from = p.Int("from", 1900, 2100);
        var to = p.Int("to", 1900, 2100);
        if (from > to)
        {
            throw Refusals.Swapped("from", from, "to", to);
        }

        var target = p.Choice("target", ["true", "false"]);
        var page = p.Int("page", 1, 100_000) ?? 1;
        var size = p.Int("size", 1, MaxSize) ?? 100;
        var filter = new FactFilter
        {
            Provinces = provinces,
            Metric = p.Choice("metric", FigureQueries.Metrics),
            Measure = p.Choice("measure", FigureQueries.Measures),
            Scope = p.Choice("scope", FigureQueries.Scopes),
            Unit = p.Choice("unit", store is null ? SearchLanguage.Vocabulary.Units : FigureQueries.Units(store)),
            Period = FigureSelection.Period(p),
            FromYear = from,
            ToYear = to,
            Target = target is null ? null : target == "true",
        };
        var facts = store is null ? [] : FactQueries.Find(store, filter);

        return Json(new JsonObject
        {
            ["total"] = facts.Count,
            ["page"] = page,
            ["size"] = size,
            ["facts"] = new JsonArray([.. facts.Skip((page - 1) * size).Take(size).Select(Fact)]),
        });
    }

    /// <summary>A figure in the contract's shape (as `pipeline extract` writes it), with its document and fact.</summary>
    private static JsonNode Figure(StoredFigure row)
    {
        var json = JsonSerializer.SerializeToNode(row.Figure, FigureJson.Options)!.AsObject();
        json.Remove("subject"); // not kept by the store
        json.Insert(0, "id", ExportTables.FigureId(row.Document.Id, row.Ordinal));
        json["document_id"] = row.Document.Id;
        json["title"] = row.Document.Title;
        json["url"] = row.Document.Url;
        json["published"] = row.Document.Published;
        json["province"] = row.Document.Province;
        json["board"] = row.Document.Board;
        json["page_type"] = row.Document.PageType;
        json["fact_key"] = row.FactKey;
        return json;
    }

    private static JsonNode Fact(StoredFact f) => new JsonObject
    {
        ["key"] = f.Key,
        ["province"] = f.Province,
        ["metric"] = f.Metric,
        ["measure"] = f.Measure,
        ["scope"] = f.Scope,
        ["period"] = f.Period,
        ["target"] = f.Target,
        ["unit"] = f.Unit,
        ["value"] = f.Value,
        ["value_min"] = f.ValueMin,
        ["value_max"] = f.ValueMax,
        ["reports"] = f.Reports,
        ["documents"] = f.Documents,
        ["conflict"] = f.Conflict,
        ["figures"] = Html.Links.To("/api/figures", ("fact", f.Key)),
    };

    private static IResult Json(JsonObject body) =>
        Results.Text(body.ToJsonString(FigureJson.Options), "application/json; charset=utf-8");
}
