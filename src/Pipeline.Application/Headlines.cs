using Pipeline.Core;
using Pipeline.Storage;

namespace Pipeline.Application;

/// <summary>A report with its headline figures.</summary>
/// <param name="Published">Its publication date, if known.</param>
/// <param name="Province">Its province, if known.</param>
/// <param name="Title">Its title (the URL when it has none).</param>
/// <param name="Url">Its page.</param>
/// <param name="Figures">Its most confident level figure of each main metric, at most four.</param>
public sealed record Headline(string? Published, string? Province, string Title, string Url, IReadOnlyList<Figure> Figures);

/// <summary>The headline figures of the latest reports, as `run` ends with.</summary>
public static class Headlines
{
    /// <summary>
    /// The latest <paramref name="count"/> reports with figures: per document, its most confident level figure of each main metric.
    /// A page the classifier calls something else (a job fair's photo page, a project's ground-breaking) is not a report.
    /// </summary>
    public static IReadOnlyList<Headline> Latest(string database, int count = 8)
    {
        using var documents = DocumentStore.Open(database);
        return documents.Documents().Where(d => d.Figures.Count > 0 && d.PageType is null or "report")
            .OrderByDescending(d => d.Published).Take(count)
            .Select(d => new Headline(d.Published, d.Province, d.Title ?? d.Url, d.Url, Of(d.Figures)))
            .ToList();
    }

    /// <summary>A document's headline figures: the most confident level figure (not a target) of each main metric, at most four.</summary>
    public static IReadOnlyList<Figure> Of(IReadOnlyList<Figure> figures) =>
        figures.Where(f => f.Measure == Measure.Level && !f.Target && f.Metric != Metric.Other)
            .GroupBy(f => f.Metric).Select(g => g.OrderByDescending(f => f.Confidence).First()).Take(4).ToList();
}
