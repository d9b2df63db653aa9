using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Pipeline.Web.Api;

/// <summary>The OpenAPI 3.1 description of the JSON API, served at <see cref="Path"/> and built from the endpoints' <see cref="ApiOperation"/> metadata.</summary>
public static class OpenApiDocument
{
    public const string Path = "/api/openapi.json";

    /// <summary>Shared schemas, named for "$ref": "#/components/schemas/NAME".</summary>
    public static readonly IReadOnlyDictionary<string, string> Schemas = new Dictionary<string, string>
    {
        ["Error"] = """{"type":"object","required":["error"],"properties":{"error":{"type":"string","description":"What was wrong, in one line."},"parameter":{"type":["string","null"],"description":"The parameter at fault, when one is."}}}""",
        ["Figure"] = """
            {"type":"object","description":"A figure, in the data contract's shape (docs/dataset.md).",
             "required":["metric","measure","value","unit","text","start","end"],
             "properties":{
               "metric":{"type":"string"},"measure":{"type":"string"},
               "value":{"type":"number"},"value_max":{"type":["number","null"]},"unit":{"type":"string"},
               "approx":{"type":"string"},"estimate":{"type":"boolean"},"target":{"type":"boolean"},
               "scope":{"type":["string","null"]},"period":{"type":["string","null"]},"subject":{"type":["string","null"]},
               "province":{"type":["string","null"]},"published":{"type":["string","null"]},
               "text":{"type":"string"},"start":{"type":"integer"},"end":{"type":"integer"},
               "confidence":{"type":["number","null"]},"rule":{"type":["string","null"]}}}
            """,
    };

    public static void MapOpenApi(this IEndpointRouteBuilder app) => app.MapGet(Path, (EndpointDataSource endpoints) =>
        Results.Text(Build(endpoints).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "application/json; charset=utf-8"));

    public static JsonObject Build(EndpointDataSource endpoints)
    {
        var paths = new JsonObject();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>().OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal))
        {
            if (endpoint.Metadata.GetMetadata<ApiOperation>() is not { } op)
            {
                continue;
            }

            var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var item = paths[path] as JsonObject ?? [];
            paths[path] = item;
            foreach (var method in methods)
            {
                item[method.ToLowerInvariant()] = Operation(op);
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Pipeline",
                ["version"] = typeof(OpenApiDocument).Assembly.GetName().Version?.ToString() ?? "1",
                ["description"] = "Figures from Vietnamese industrial-zone and economic-zone bulletins: search, figures, facts, documents and extraction. Every answer is JSON; a bad parameter is a 400 with an Error.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject(Schemas.Select(s => KeyValuePair.Create(s.Key, JsonNode.Parse(s.Value)))),
            },
        };
    }

    private static JsonObject Operation(ApiOperation op)
    {
        var parameters = new JsonArray([.. op.Parameters.Select(p =>
        {
            var schema = new JsonObject { ["type"] = p.Type };
            if (p.Choices is { Count: > 0 } choices)
            {
                schema["enum"] = new JsonArray([.. choices.Select(c => (JsonNode)c)]);
            }

            return (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["in"] = p.InPath ? "path" : "query",
                ["required"] = p.Required || p.InPath,
                ["description"] = p.Description,
                ["schema"] = schema,
            };
        })]);
        var error = new JsonObject { ["description"] = "A bad parameter: what was wrong.", ["content"] = Json("""{"$ref":"#/components/schemas/Error"}""") };
        var operation = new JsonObject
        {
            ["operationId"] = op.Id,
            ["summary"] = op.Summary,
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = "OK", ["content"] = Json(op.Response) },
                ["400"] = error,
            },
        };
        if (op.RequestBody is { } body)
        {
            operation["requestBody"] = new JsonObject
            {
                ["description"] = body,
                ["content"] = new JsonObject
                {
                    ["multipart/form-data"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } },
                    ["application/x-www-form-urlencoded"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } },
                },
            };
        }

        return operation;
    }

    private static JsonObject Json(string schema) => new() { ["application/json"] = new JsonObject { ["schema"] = JsonNode.Parse(schema) } };
}
