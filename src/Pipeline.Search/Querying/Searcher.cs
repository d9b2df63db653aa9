using Lucene.Net.Index;
using Lucene.Net.Search;
using Pipeline.Core;
using Pipeline.Search.Language;

namespace Pipeline.Search;

/// <summary>Runs a <see cref="SearchRequest"/> against a <see cref="SearchIndex"/>.</summary>
public static class Searcher
{
    static Searcher() => BooleanQuery.MaxClauseCount = 100_000; // a figure filter may match many documents

    /// <summary>Runs a request on the index's latest view.</summary>
    /// <exception cref="SearchUsageException">The request cannot be run as given (see <see cref="RequestCheck"/>).</exception>
    public static SearchResult Search(this ISearchable index, SearchRequest request) => index.WithSearcher(s => Run(s, request, index.Vocabulary));

    /// <summary>The units the index's figures are in.</summary>
    public static IReadOnlyList<string> Units(IndexReader reader)
    {
        var units = new List<string>();
        if (MultiFields.GetTerms(reader, Fields.Unit) is { } terms)
        {
            var e = terms.GetEnumerator();
            while (e.MoveNext())
            {
                units.Add(e.Term.Utf8ToString());
            }
        }

        return units;
    }

    private static SearchResult Run(IndexSearcher searcher, SearchRequest request, SearchVocabulary vocabulary)
    {
        var (checkedRequest, problems) = RequestCheck.Normalize(request, vocabulary, request.Unit is null ? null : Units(searcher.IndexReader));
        if (problems.Count > 0)
        {
            throw new SearchUsageException(problems);
        }

        request = checkedRequest;
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

        var plan = QueryPlan.Build(request.Text, vocabulary, words => AccentRestorer.Restore(searcher.IndexReader, words));
        var query = new BooleanQuery();
        var text = QueryBuilder.Text(plan);
        query.Add(text ?? new MatchAllDocsQuery(), Occur.MUST);

        // The same match set with only the required words: it finds and counts candidates cheaply.
        var required = QueryBuilder.Required(plan);
        var cheap = new BooleanQuery { { required ?? new MatchAllDocsQuery(), Occur.MUST } };

        Query? ids = null;
        if (figuresByDoc is not null)
        {
            var byId = new BooleanQuery();
            foreach (var source in figuresByDoc.Keys)
            {
                byId.Add(new TermQuery(new Term(Fields.Id, source)), Occur.SHOULD);
            }

            ids = new ConstantScoreQuery(byId) { Boost = 0f };
            query.Add(ids, Occur.MUST);
            cheap.Add(ids, Occur.MUST);
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
        // Highlight what the query was read as (its Telex or restored accents), and the equivalent forms it matched.
        var words = plan.HighlightWords;

        // Words rank by relevance unless the newest are asked for; a filter-only request lists the newest first.
        // A page is the hits up to its end with the earlier pages' skipped.
        var limit = Math.Max(1, request.Limit);
        var wanted = request.Offset + limit;
        var found = text is null || request.Sort == SearchSort.Date
            ? searcher.Search(text is null ? filtered : filteredCheap, null, wanted, new Sort(new SortField(Fields.Published, SortFieldType.STRING, reverse: true)))
            : Ranked(searcher, filteredCheap, filtered, wanted, Pool(wanted));
        var listed = found.ScoreDocs.Select(sd => (Doc: sd, Missing: (IReadOnlyList<string>)[])).ToList();
        if (text is not null && found.TotalHits < wanted && required is not null)
        {
            // Too few documents have every word: those with most of them (by rarity) follow, each saying what it lacks.
            var more = PartialMatches.Find(searcher, plan, required, filters, ids, wanted - found.ScoreDocs.Length);
            // Shown below the full matches, so scored no higher than the last of them.
            var ceiling = found.ScoreDocs.Length > 0 ? found.ScoreDocs[^1].Score : float.MaxValue;
            listed.AddRange(more.Select(m => (new ScoreDoc(m.Doc.Doc, Math.Min(m.Doc.Score, ceiling)), m.Missing)));
        }

        listed = [.. listed.Skip(request.Offset).Take(limit)];
        var partial = listed.Count(l => l.Missing.Count > 0);

        var titles = new Dictionary<string, string?>();
        foreach (var (sd, missing) in listed)
        {
            var doc = searcher.Doc(sd.Doc);
            var source = doc.Get(Fields.Id);
            var body = doc.Get(Fields.Body) ?? "";
            var title = NullIfEmpty(doc.Get(Fields.Title));
            titles[source] = title;
            var figures = figuresByDoc?.GetValueOrDefault(source) ?? [];
            hits.Add(new SearchHit(source, title, NullIfEmpty(doc.Get(Fields.Published)), NullIfEmpty(doc.Get(Fields.Board)),
                NullIfEmpty(doc.Get(Fields.Province)), float.IsNaN(sd.Score) ? 0 : sd.Score, Snippet.Build(body, words), figures, NullIfEmpty(doc.Get(Fields.PageType)), missing));
        }

        var figureList = text is null ? figureHits.Select(f => f with { Title = titles.GetValueOrDefault(f.Source) ?? TitleOf(searcher, f.Source) }).ToList() : [];
        return new SearchResult(request.Facets ? facets.Total : found.TotalHits, hits, facets.Counts(), figureList, partial);
    }

    /// <summary>
    /// Two passes: the required words alone find, count and roughly rank every candidate (a plain
    /// conjunction); the full query (accents, titles, shingles) then ranks only the best of them, so
    /// its many optional clauses are not advanced over every match of a broad query.
    /// </summary>
    private static TopDocs Ranked(IndexSearcher searcher, Query cheap, Query full, int limit, int pool)
    {
        var candidates = searcher.Search(cheap, pool);
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

    /// <summary>
    /// How many candidates to rank for hits up to <paramref name="wanted"/>: the same pool serves every page inside
    /// it whatever the page size, so paging through it neither repeats nor skips a hit and one long page lists what
    /// the short pages list (a pool grown with the page size ranked other candidates); a page beyond it doubles the pool.
    /// </summary>
    private static int Pool(int wanted)
    {
        var pool = Candidates;
        while (pool < wanted)
        {
            pool *= 2;
        }

        return pool;
    }

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
