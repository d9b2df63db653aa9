namespace Pipeline.Web.Api;

/// <summary>
/// One query (or path) parameter of a JSON endpoint, as the OpenAPI document describes it. <c>Type</c> is
/// a JSON Schema type (string, integer, number or boolean); <c>Choices</c> lists the allowed values when
/// there is a fixed set.
/// </summary>
public sealed record ApiParameter(string Name, string Type, string Description, bool Required = false, bool InPath = false, IReadOnlyList<string>? Choices = null);

/// <summary>
/// A JSON endpoint's description, attached to the endpoint as metadata (<c>.WithMetadata(new ApiOperation(…))</c>);
/// the OpenAPI document is built from these, so it lists exactly the endpoints that exist. <c>Response</c> is
/// the JSON Schema of a 200 answer as JSON text (it may use "$ref": "#/components/schemas/Figure");
/// <c>RequestBody</c> describes a POST's form body, null for none.
/// </summary>
public sealed record ApiOperation(string Id, string Summary, IReadOnlyList<ApiParameter> Parameters, string Response, string? RequestBody = null);
