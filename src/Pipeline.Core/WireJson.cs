using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Core;

/// <summary>
/// The JSON options of every wire format but the figures' own (<see cref="FigureJson"/>), one object
/// each: what a front end writes for machines, what the store keeps in its JSON columns, and how
/// settings files (the configuration, the board registry) are read.
/// </summary>
public static class WireJson
{
    /// <summary>Summaries and reports for machines (run, crawl, export, stats): snake_case names, Vietnamese written as is.</summary>
    public static readonly JsonSerializerOptions Summary = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary><see cref="Summary"/>, indented for a reader.</summary>
    public static readonly JsonSerializerOptions SummaryIndented = new(Summary) { WriteIndented = true };

    /// <summary>The store's JSON columns (attachments, warnings, flags, templates) and the exported dataset's: snake_case names, Vietnamese written as is.</summary>
    public static readonly JsonSerializerOptions Stored = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Settings files written by people: snake_case, comments and trailing commas allowed, an unknown field refused (a typo is an error, not a silent default).</summary>
    public static readonly JsonSerializerOptions Settings = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
