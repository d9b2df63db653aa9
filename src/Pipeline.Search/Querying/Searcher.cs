using Lucene.Net.Index;
using Lucene.Net.Search;
using Pipeline.Core;

namespace Pipeline.Search;

/// <summary>Runs a <see cref="SearchRequest"/> against a <see cref="SearchIndex"/>.</summary>
public static class Searcher
{
    static Searcher() => BooleanQuery.MaxClauseCount = 100_000; // a figure filter may match many documents

    public static SearchResult Search(this SearchIndex index, SearchRequest request) => index.WithSearcher(s => Run(s, request));

    private static SearchResult Run(IndexSearcher searcher, SearchRequest request)
    {
        // Figures first: a figure filter narrows the documents to those reporting such a figure.
        Dictionary<string, List<Figure>>? figuresByDoc = null;
        var figureHits = new List<FigureHit>();
        if (request.HasFigureFilter)
        {
            figuresByDoc = [];
            var top = searcher.Search(QueryBuilder.Figures(request), Math.Max(1, searcher.IndexReader.MaxDoc));
            foreach (var sd in top.ScoreDocs)
            {
                var stored = searcher.Doc(sd.Doc);
                var figure = FigureJson.Deserialize<Figure>(stored.Get(Fields.Json))!;
                var source = stored.Get(Fields.Id);
                if (!figuresByDoc.TryGetValue(source, out var list))
                {
                    figuresByDoc[source] = list = [];
                }

                list.Add(figure);
                figureHits.Add(new FigureHit(source, null, figure));
            }
        }

        var query = new BooleanQuery();
        var restored = request.Text is { Length: > 0 } t && Analysis.Telex.Read(t) is null
            ? AccentRestorer.Restore(searcher.IndexReader, QueryBuilder.Words(t))
            : null;
        var text = QueryBuilder.Text(request.Text, restored);
        query.Add(text ?? new MatchAllDocsQuery(), Occur.MUST);

        // The same match set with only the required words: it finds and counts candidates cheaply.
        var cheap = new BooleanQuery { { QueryBuilder.Required(request.Text, restored) ?? new MatchAllDocsQuery(), Occur.MUST } };

        if (figuresByDoc is not null)
        {
            var ids = new BooleanQuery();
            foreach (var source in figuresByDoc.Keys)
            {
                ids.Add(new TermQuery(new Term(Fields.Id, source)), Occur.SHOULD);
            }

            query.Add(new ConstantScoreQuery(ids) { Boost = 0f }, Occur.MUST);
            cheap.Add(new ConstantScoreQuery(ids) { Boost = 0f }, Occur.MUST);
        }

        // The filters as one bitset, leap-frogging with the text query: whichever is sparser leads, and
        // neither is advanced over documents the other has already ruled out.
        var filters = new AllOf(QueryBuilder.Filters(request, Fields.KindDocument).ToList());
        Query filtered = new FilteredQuery(query, filters, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY);
        Query filteredCheap = new FilteredQuery(cheap, filters, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY);

        var facets = new FacetCollector();
        if (request.Facets)
        {
            searcher.Search(filteredCheap, facets); // facets need the match set, not the ranking
        }
        var hits = new List<SearchHit>();
        // Highlight what the query was read as: its Telex or restored accents where it has them.
        var words = request.Text is null ? [] : QueryBuilder.Words(request.Text);
        if (Analysis.Telex.Read(request.Text ?? "") is { } telex)
        {
            words = QueryBuilder.Words(telex);
        }
        else if (restored is not null)
        {
            words = [.. restored.Select((r, i) => r.Any(c => c >= '\u0080') ? r : words[i])];
        }

        // Words rank by relevance; a filter-only request lists the newest documents first.
        var found = text is null
            ? searcher.Search(filtered, null, Math.Max(1, request.Limit), new Sort(new SortField(Fields.Published, SortFieldType.STRING, reverse: true)))
            : Ranked(searcher, filteredCheap, filtered, Math.Max(1, request.Limit));
        var titles = new Dictionary<string, string?>();
        foreach (var sd in found.ScoreDocs)
        {
            var doc = searcher.Doc(sd.Doc);
            var source = doc.Get(Fields.Id);
            var body = doc.Get(Fields.Body) ?? "";
            var title = NullIfEmpty(doc.Get(Fields.Title));
            titles[source] = title;
            var figures = figuresByDoc?.GetValueOrDefault(source) ?? [];
            hits.Add(new SearchHit(source, title, NullIfEmpty(doc.Get(Fields.Published)), NullIfEmpty(doc.Get(Fields.Board)),
                NullIfEmpty(doc.Get(Fields.Province)), float.IsNaN(sd.Score) ? 0 : sd.Score, Snippet.Build(body, words), figures, NullIfEmpty(doc.Get(Fields.PageType))));
        }

        var listed = text is null ? figureHits.Select(f => f with { Title = titles.GetValueOrDefault(f.Source) ?? TitleOf(searcher, f.Source) }).ToList() : [];
        return new SearchResult(request.Facets ? facets.Total : found.TotalHits, hits, facets.Counts(), listed);
    }

    /// <summary>
    /// Two passes: the required words alone find, count and roughly rank every candidate (a plain
    /// conjunction); the full query (accents, titles, shingles) then ranks only the best of them, so
    /// its many optional clauses are not advanced over every match of a broad query.
    /// </summary>
    private static TopDocs Ranked(IndexSearcher searcher, Query cheap, Query full, int limit)
    {
        var candidates = searcher.Search(cheap, Math.Max(Candidates, limit * 10));
        if (candidates.ScoreDocs.Length <= limit && candidates.TotalHits <= limit)
        {
            return searcher.Search(full, limit);
        }

        var docs = candidates.ScoreDocs.Select(d => d.Doc).Order().ToArray();
        var ranked = searcher.Search(new FilteredQuery(full, new DocsFilter(docs), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), limit);
        return new TopDocs(candidates.TotalHits, ranked.ScoreDocs, ranked.MaxScore);
    }

    /// <summary>Candidates the full query ranks; the rest of a broad match only counts.</summary>
    private const int Candidates = 100;

    private static string? TitleOf(IndexSearcher searcher, string source)
    {
        var q = new BooleanQuery
        {
            { new TermQuery(new Term(Fields.Id, source)), Occur.MUST },
            { new TermQuery(new Term(Fields.Kind, Fields.KindDocument)), Occur.MUST },
        };
        var top = searcher.Search(q, 1);
        return top.TotalHits == 0 ? null : NullIfEmpty(searcher.Doc(top.ScoreDocs[0].Doc).Get(Fields.Title));
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
