using Lucene.Net.Index;
using Lucene.Net.Search;
using Pipeline.Search.Analysis;

namespace Pipeline.Search;

/// <summary>
/// Builds Lucene queries in code (the classic parser splits on spaces before analysis and compares
/// ranges as text). Every query word must match in one of its spellings; an exact match scores above
/// a tone-folded one, which scores above a fully folded one; titles weigh more than bodies; adjacent
/// words matching as a shingle ("khu công nghiệp") add to the score. A pure-ASCII query also tries its
/// Telex reading.
/// </summary>
public static class QueryBuilder
{
    // The optional spellings a word is rewarded for (the folded body and title spellings are the required part).
    // Few clauses per word keep broad queries fast: each optional clause is advanced for every candidate.
    private static readonly (string Field, Spelling Spelling, float Boost)[] Weighted =
    [
        (Fields.TextExact, Spelling.Exact, 3f), (Fields.TextTones, Spelling.Tones, 1.5f),
    ];

    /// <summary>The words of a query as the index spells them, lowercased with one tone placement.</summary>
    public static List<string> Words(string text) =>
        Analyzers.Terms(Analyzers.Words, Fields.TextExact, text).Select(VietnameseFold.Exact).Where(w => w.Length > 0).ToList();

    /// <summary>
    /// The required part of <see cref="Text"/> alone: each word in its folded spelling (or its Telex or
    /// restored reading). Cheap to run over every candidate; the full query then ranks the best of them.
    /// </summary>
    public static Query? Required(string? text, IReadOnlyList<string>? restored = null)
    {
        if (Text(text, restored) is not BooleanQuery full)
        {
            return null;
        }

        var required = new BooleanQuery(disableCoord: true);
        foreach (var clause in full.Clauses.Where(c => c.Occur == Occur.MUST))
        {
            required.Add(clause.Query, Occur.MUST);
        }

        return required;
    }

    public static Query? Text(string? text, IReadOnlyList<string>? restored = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = Words(text);
        if (words.Count == 0)
        {
            return null;
        }

        var telex = Telex.Read(text) is { } reading ? Words(reading) : null;
        if (telex is not null && telex.Count != words.Count)
        {
            telex = null;
        }

        // A query typed without diacritics also tries its most likely accented reading.
        telex ??= restored is not null && restored.Count == words.Count ? [.. restored] : null;

        // Each word must match in its folded spelling (one short list of candidates per word drives the
        // search); the exact and tone-folded spellings only add score to candidates already found.
        var query = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < words.Count; i++)
        {
            // Required: the word in the folded body (which holds the title too): one posting list per word
            // makes a plain conjunction, far cheaper on broad queries than a conjunction of disjunctions.
            var full = VietnameseFold.Full(words[i]);
            Query required = new TermQuery(new Term(Fields.TextFull, full));
            if (telex is not null && VietnameseFold.Full(telex[i]) != full)
            {
                required = new BooleanQuery(disableCoord: true)
                {
                    { required, Occur.SHOULD },
                    { new TermQuery(new Term(Fields.TextFull, VietnameseFold.Full(telex[i]))) { Boost = 0.9f }, Occur.SHOULD },
                };
            }

            query.Add(required, Occur.MUST);
            query.Add(new TermQuery(new Term(Fields.TitleFull, full)) { Boost = 2.5f }, Occur.SHOULD);
            AddAccentedBoosts(query, words[i], 1f);
            if (telex is not null && telex[i] != words[i])
            {
                AddAccentedBoosts(query, telex[i], 0.9f);
            }
        }

        // Shingles reward the words standing together, as the multi-syllable word they make.
        for (var size = 2; size <= 3; size++)
        {
            for (var i = 0; i + size <= words.Count; i++)
            {
                var shingle = string.Join(' ', words.Skip(i).Take(size));
                var together = new BooleanQuery
                {
                    { new TermQuery(new Term(Fields.TextFull, VietnameseFold.Full(shingle))) { Boost = size == 2 ? 8f : 12f }, Occur.SHOULD },
                    { new TermQuery(new Term(Fields.TitleFull, VietnameseFold.Full(shingle))) { Boost = size == 2 ? 16f : 24f }, Occur.SHOULD },
                };
                query.Add(together, Occur.SHOULD);
            }
        }

        // A province named in the query ("cửa khẩu An Giang") prefers that province's documents: its syllables
        // alone also match neighbours' names (Kiên Giang, Hậu Giang).
        foreach (var province in ProvincesNamed(words))
        {
            query.Add(new TermQuery(new Term(Fields.Province, province)) { Boost = ProvinceBoost }, Occur.SHOULD);
        }

        return query;
    }

    private const float ProvinceBoost = 6f;

    // Each province's words fully folded ("an giang", "ho chi minh"), longest first so "Bà Rịa - Vũng Tàu" beats "Vũng Tàu".
    private static readonly Lazy<(string[] Words, string Name)[]> ProvinceWords = new(() =>
        [.. Pipeline.Extraction.Documents.Provinces.Names
            .Select(n => (Words: Words(n).Select(VietnameseFold.Full).SkipWhile(w => w == "tp").ToArray(), Name: n))
            .Where(p => p.Words.Length > 0)
            .OrderByDescending(p => p.Words.Length)]);

    /// <summary>The provinces a query names, in any spelling: "An Giang", "an giang", "TP. Hồ Chí Minh", "ho chi minh".</summary>
    public static IReadOnlyList<string> ProvincesNamed(IReadOnlyList<string> words)
    {
        var folded = words.Select(VietnameseFold.Full).ToArray();
        var named = new List<string>();
        for (var i = 0; i < folded.Length; i++)
        {
            foreach (var (provinceWords, name) in ProvinceWords.Value)
            {
                if (i + provinceWords.Length <= folded.Length && folded.AsSpan(i, provinceWords.Length).SequenceEqual(provinceWords))
                {
                    named.Add(name);
                    i += provinceWords.Length - 1;
                    break;
                }
            }
        }

        return named;
    }

    /// <summary>Exact and tone-folded matches of a word, as optional score: exact beats tone-folded beats folded.</summary>
    private static void AddAccentedBoosts(BooleanQuery into, string word, float weight)
    {
        var full = VietnameseFold.Full(word);
        var tones = VietnameseFold.Tones(word);
        foreach (var (field, spelling, boost) in Weighted)
        {
            var term = spelling == Spelling.Exact ? word : tones;
            // A word typed without marks has no accented spelling to reward; a tone-folded spelling equal to
            // the exact one adds nothing the exact clause does not.
            var adds = spelling == Spelling.Exact ? word != full : tones != full && tones != word;
            if (adds)
            {
                into.Add(new TermQuery(new Term(field, term)) { Boost = boost * weight }, Occur.SHOULD);
            }
        }
    }

    /// <summary>Province, year and page type filters, for documents or figures; they narrow without scoring.</summary>
    public static void AddFilters(BooleanQuery query, SearchRequest request, string kind)
    {
        foreach (var filter in Filters(request, kind))
        {
            query.Add(new ConstantScoreQuery(filter) { Boost = 0f }, Occur.MUST);
        }
    }

    /// <summary>The request's filters as cached bitsets: a repeated province or year range costs a look-up, not a scan.</summary>
    public static IEnumerable<Filter> Filters(SearchRequest request, string kind)
    {
        yield return Cached($"kind:{kind}", () => new TermQuery(new Term(Fields.Kind, kind)));
        if (request.Province is { Length: > 0 } province)
        {
            yield return Cached($"province:{province}", () => new TermQuery(new Term(Fields.Province, province)));
        }

        if (request.FromYear is not null || request.ToYear is not null)
        {
            yield return Cached($"year:{request.FromYear}-{request.ToYear}", () => NumericRangeQuery.NewInt32Range(Fields.Year, Fields.NumericStep, request.FromYear, request.ToYear, true, true));
        }

        if (request.PageType is { Length: > 0 } type)
        {
            // Reports are half of all pages: checked per candidate, not driving.
            yield return Cached($"type:{type}", () => new TermQuery(new Term(Fields.PageType, type)));
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Filter> FilterCache = new();

    private static Filter Cached(string key, Func<Query> query)
    {
        if (FilterCache.Count > 1024)
        {
            FilterCache.Clear(); // bounded: filters are cheap to rebuild, memory is not free
        }

        // CachingWrapperFilter keeps one bitset per index segment and drops it with the segment.
        return FilterCache.GetOrAdd(key, _ => new BitSetCache(new QueryWrapperFilter(query())));
    }

    /// <summary>
    /// Caches a filter as a plain bitset, not the default compressed set: a filter that leads the search is
    /// advanced thousands of times per query, and a bitset answers each advance without decoding words.
    /// A few hundred KB per segment for each cached filter buys that; the cache above is bounded.
    /// </summary>
    private sealed class BitSetCache(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, AtomicReader reader)
        {
            var iterator = docIdSet?.GetIterator();
            if (iterator is null)
            {
                return EMPTY_DOCIDSET;
            }

            var bits = new Lucene.Net.Util.FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }

    /// <summary>Figure records matching the request's figure filters.</summary>
    public static Query Figures(SearchRequest request)
    {
        var query = new BooleanQuery();
        AddFilters(query, request, Fields.KindFigure);
        if (request.Metric is { Length: > 0 } metric)
        {
            query.Add(Filter(new TermQuery(new Term(Fields.Metric, metric))), Occur.MUST);
        }

        if (request.Unit is { Length: > 0 } unit)
        {
            query.Add(Filter(new TermQuery(new Term(Fields.Unit, unit))), Occur.MUST);
        }

        if (request.Min is not null || request.Max is not null)
        {
            query.Add(Filter(NumericRangeQuery.NewDoubleRange(Fields.Value, Fields.NumericStep, (double?)request.Min, (double?)request.Max, true, true)), Occur.MUST);
        }

        return query;
    }

    private static Query Filter(Query q) => new ConstantScoreQuery(q) { Boost = 0f };
}
