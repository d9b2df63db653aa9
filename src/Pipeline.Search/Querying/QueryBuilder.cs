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
    private static readonly (string Field, Spelling Spelling, float Boost)[] Weighted =
    [
        (Fields.TitleExact, Spelling.Exact, 6f), (Fields.TitleTones, Spelling.Tones, 4f), (Fields.TitleFull, Spelling.Full, 2.5f),
        (Fields.TextExact, Spelling.Exact, 3f), (Fields.TextTones, Spelling.Tones, 2f), (Fields.TextFull, Spelling.Full, 1f),
    ];

    /// <summary>The words of a query as the index spells them, lowercased with one tone placement.</summary>
    public static List<string> Words(string text) =>
        Analyzers.Terms(Analyzers.Words, Fields.TextExact, text).Select(VietnameseFold.Exact).Where(w => w.Length > 0).ToList();

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

        var query = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            var word = new BooleanQuery();
            AddSpellings(word, words[i], 1f);
            if (telex is not null && telex[i] != words[i])
            {
                AddSpellings(word, telex[i], 0.9f);
            }

            query.Add(word, Occur.MUST);
        }

        // Shingles reward the words standing together, as the multi-syllable word they make.
        for (var size = 2; size <= 3; size++)
        {
            for (var i = 0; i + size <= words.Count; i++)
            {
                var shingle = string.Join(' ', words.Skip(i).Take(size));
                var together = new BooleanQuery();
                AddSpellings(together, shingle, size == 2 ? 1.5f : 2f);
                if (telex is not null)
                {
                    AddSpellings(together, string.Join(' ', telex.Skip(i).Take(size)), 1.4f);
                }

                query.Add(together, Occur.SHOULD);
            }
        }

        return query;
    }

    private static void AddSpellings(BooleanQuery into, string word, float weight)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var (field, spelling, boost) in Weighted)
        {
            var term = spelling switch
            {
                Spelling.Exact => word,
                Spelling.Tones => VietnameseFold.Tones(word),
                _ => VietnameseFold.Full(word),
            };
            if (seen.Add((field, term)))
            {
                into.Add(new TermQuery(new Term(field, term)) { Boost = boost * weight }, Occur.SHOULD);
            }
        }
    }

    /// <summary>Province and year filters, for documents or figures; they narrow without scoring.</summary>
    public static void AddFilters(BooleanQuery query, SearchRequest request, string kind)
    {
        query.Add(Filter(new TermQuery(new Term(Fields.Kind, kind))), Occur.MUST);
        if (request.Province is { Length: > 0 } province)
        {
            query.Add(Filter(new TermQuery(new Term(Fields.Province, province))), Occur.MUST);
        }

        if (request.FromYear is not null || request.ToYear is not null)
        {
            query.Add(Filter(NumericRangeQuery.NewInt32Range(Fields.Year, request.FromYear, request.ToYear, true, true)), Occur.MUST);
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
            query.Add(Filter(NumericRangeQuery.NewDoubleRange(Fields.Value, (double?)request.Min, (double?)request.Max, true, true)), Occur.MUST);
        }

        return query;
    }

    private static Query Filter(Query q) => new ConstantScoreQuery(q) { Boost = 0f };
}
