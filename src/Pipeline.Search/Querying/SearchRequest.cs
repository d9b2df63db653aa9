using Pipeline.Core;

namespace Pipeline.Search;

/// <summary>What a researcher asks: words, and filters by province, year, page type and figure.</summary>
public sealed record SearchRequest
{
    public string? Text { get; init; }
    public string? Province { get; init; }
    public int? FromYear { get; init; }
    public int? ToYear { get; init; }

    /// <summary>Only documents (and their figures) the page classifier gave this type: report, project, event, notice, procedure, job, photo.</summary>
    public string? PageType { get; init; }
    public string? Metric { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public string? Unit { get; init; }

    /// <summary>Only figures about this zone, company or project (and the documents reporting one): accents, case and
    /// equivalent forms aside ("kcn que vo" finds "KCN Quế Võ"), the subject must hold these words side by side.</summary>
    public string? Subject { get; init; }
    public int Limit { get; init; } = 10;

    /// <summary>How many ranked hits to skip, for paging: the answer holds hits Offset+1 to Offset+Limit.</summary>
    public int Offset { get; init; }

    /// <summary>Best match first, or newest first. A request without words always lists the newest first.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>Count provinces, years, page types and metrics over every match (walks all matches, so it costs more on broad queries).</summary>
    public bool Facets { get; init; } = true;

    public bool HasFigureFilter => Metric is not null || Min is not null || Max is not null || Unit is not null || Subject is not null;
}

/// <summary>The order of hits: by relevance (best match first), or by publication date (newest first).</summary>
public enum SearchSort
{
    Relevance,
    Date,
}

/// <summary>One document found, with a snippet whose matched words are marked **like this**. <see cref="Missing"/> lists the
/// query words (or phrases) a partial match lacks; it is empty for a document that has them all.</summary>
public sealed record SearchHit(string Source, string? Title, string? Published, string? Board, string? Province, float Score, string Snippet, IReadOnlyList<Figure> Figures, string? PageType = null, IReadOnlyList<string>? Missing = null);

/// <summary>A figure found by its filters, with the document it stands in.</summary>
public sealed record FigureHit(string Source, string? Title, Figure Figure);

public sealed record FacetCount(string Value, int Count);

/// <summary>The answer to a request: ranked documents, facet counts over all matches, and (for a
/// request with no words) the figures matching the filters. <see cref="Total"/> counts the documents with every query word;
/// <see cref="Partial"/> says how many of the hits (the last ones) match only most of them.</summary>
public sealed record SearchResult(int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets, IReadOnlyList<FigureHit> Figures, int Partial = 0);
