namespace Pipeline.Learning.Pages;

/// <summary>The kinds of page a board's portal publishes (corpus/sites/articles/README.md), as the page classifier names them.</summary>
public static class PageTypes
{
    /// <summary>Results for a period: the figures-bearing page the pipeline exists for.</summary>
    public const string Report = "report";

    /// <summary>Every type, the figures-bearing ones first.</summary>
    public static readonly IReadOnlyList<string> All = [Report, "project", "event", "notice", "procedure", "job", "photo"];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    /// <summary>The binary view the pipeline mostly cares about: a report, or anything else.</summary>
    public static string Binary(string type) => type == Report ? Report : "other";
}
