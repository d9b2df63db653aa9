using Lucene.Net.Index;
using Lucene.Net.Search;
using Pipeline.Search.Analysis;
using Pipeline.Search.Language;

namespace Pipeline.Search;

/// <summary>
/// Builds Lucene queries in code from a <see cref="QueryPlan"/> (the classic parser splits on spaces
/// before analysis and compares ranges as text). Every slot of the query must match, in one of its
/// spellings or equivalent forms; an exact match scores above a tone-folded one, which scores above a
/// fully folded one; the form typed scores above its equivalents ("KCN" for "khu công nghiệp"); titles
/// weigh more than bodies; adjacent words matching as a shingle ("khu công nghiệp") add to the score.
/// </summary>
public static class QueryBuilder
{
    // The optional spellings a word is rewarded for (the folded body and title spellings are the required part).
    // Few clauses per word keep broad queries fast: each optional clause is advanced for every candidate.
    private static readonly (string Field, Spelling Spelling, float Boost)[] Weighted =
    [
        (Fields.TextExact, Spelling.Exact, 3f), (Fields.TextTones, Spelling.Tones, 1.5f),
    ];

    private const float ProvinceBoost = 6f;
    private const float YearBoost = 4f;

    // An equivalent form ("KCN" for "khu công nghiệp") counts about half of the form typed, so the page
    // written as the user wrote ranks first and the page written the other way still ranks on its merits.
    private const float EquivalentWeight = 0.5f;
    private const float FormBody = 8f;
    private const float FormTitle = 16f;

    /// <summary>The words of a query as the index spells them, lowercased with one tone placement.</summary>
    public static List<string> Words(string text) =>
        Analyzers.Terms(Analyzers.Words, Fields.TextExact, text).Select(VietnameseFold.Exact).Where(w => w.Length > 0).ToList();

    /// <summary>
    /// The required part of <see cref="Text"/> alone: each slot in its folded spellings and equivalent forms.
    /// Cheap to run over every candidate; the full query then ranks the best of them.
    /// </summary>
    public static Query? Required(QueryPlan plan)
    {
        if (plan.IsEmpty)
        {
            return null;
        }

        var required = new BooleanQuery(disableCoord: true);
        foreach (var slot in plan.Slots)
        {
            required.Add(SlotQuery(slot), Occur.MUST);
        }

        AddExclusions(required, plan);
        return required;
    }

    /// <summary>The full query: every slot required, the spellings, titles, shingles and places scored.</summary>
    public static Query? Text(QueryPlan plan)
    {
        if (plan.IsEmpty)
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true);
        foreach (var slot in plan.Slots)
        {
            query.Add(SlotQuery(slot), Occur.MUST);
            AddScoring(query, slot);
        }

        // Shingles reward the words typed standing together, as the multi-syllable word they make; a Telex query's
        // words as read stand together too ("kinh tees" is "kinh tế").
        AddShingles(query, plan.TypedWords, except: null);
        if (plan.TelexWords is { } read)
        {
            AddShingles(query, read, except: plan.TypedWords);
        }

        AddExclusions(query, plan);
        return query;
    }

    /// <summary>Every two- and three-word run of <paramref name="words"/> in body and title, but a run that folds as the same run of <paramref name="except"/>.</summary>
    private static void AddShingles(BooleanQuery query, IReadOnlyList<string> words, IReadOnlyList<string>? except)
    {
        for (var size = 2; size <= 3; size++)
        {
            for (var i = 0; i + size <= words.Count; i++)
            {
                var shingle = VietnameseFold.Full(string.Join(' ', words.Skip(i).Take(size)));
                if (except is not null && shingle == VietnameseFold.Full(string.Join(' ', except.Skip(i).Take(size))))
                {
                    continue;
                }

                query.Add(new BooleanQuery
                {
                    { new TermQuery(new Term(Fields.TextFull, shingle)) { Boost = size == 2 ? 8f : 12f }, Occur.SHOULD },
                    { new TermQuery(new Term(Fields.TitleFull, shingle)) { Boost = size == 2 ? 16f : 24f }, Occur.SHOULD },
                }, Occur.SHOULD);
            }
        }
    }

    /// <summary>
    /// What scores a slot beyond matching it: for the typed words, titles and accented spellings; for an
    /// equivalent form, the form in body and title at a lower weight; a named province's own documents; a year typed.
    /// </summary>
    private static void AddScoring(BooleanQuery query, Slot slot)
    {
        foreach (var alternative in slot.Alternatives)
        {
            if (alternative.Province is { } province)
            {
                // Its syllables alone also match neighbours' names (An Giang in Kiên Giang's text): the province's own documents first.
                query.Add(new TermQuery(new Term(Fields.Province, province)) { Boost = ProvinceBoost }, Occur.SHOULD);
            }
            else if (alternative.Year is { } year)
            {
                query.Add(new ConstantScoreQuery(NumericRangeQuery.NewInt32Range(Fields.Year, Fields.NumericStep, year, year, true, true)) { Boost = YearBoost }, Occur.SHOULD);
            }
            else if (alternative.Typed)
            {
                var telex = Telex(alternative);
                if (slot.Alternatives.Count > 1 && alternative.Words.Count == 1)
                {
                    // A one-word form typed ("KCN") against its equivalents' weight below; a longer form typed
                    // is rewarded by the shingles of the words typed.
                    foreach (var form in telex is null ? [alternative.Words] : new[] { alternative.Words, telex })
                    {
                        query.Add(new BooleanQuery
                        {
                            { Phrase(Fields.TextFull, form, FormBody), Occur.SHOULD },
                            { Phrase(Fields.TitleFull, form, FormTitle), Occur.SHOULD },
                        }, Occur.SHOULD);
                    }
                }

                for (var i = 0; i < alternative.Words.Count; i++)
                {
                    var word = alternative.Words[i];
                    query.Add(new TermQuery(new Term(Fields.TitleFull, VietnameseFold.Full(word))) { Boost = 2.5f }, Occur.SHOULD);
                    AddAccentedBoosts(query, word, 1f);
                    if (alternative.Readings?[i] is not { } reading || reading == word)
                    {
                        continue;
                    }

                    if (telex is not null)
                    {
                        // Telex is the accented word typed another way: scored as that word typed; the letters typed keep their clauses above.
                        if (VietnameseFold.Full(reading) != VietnameseFold.Full(word))
                        {
                            query.Add(new TermQuery(new Term(Fields.TitleFull, VietnameseFold.Full(reading))) { Boost = 2.5f }, Occur.SHOULD);
                        }

                        AddAccentedBoosts(query, reading, 1f);
                    }
                    else
                    {
                        // Accents restored from the index are a guess: a little below what was typed.
                        AddAccentedBoosts(query, reading, 0.9f);
                    }
                }
            }
            else
            {
                query.Add(new BooleanQuery
                {
                    { Phrase(Fields.TextFull, alternative.Words, FormBody * EquivalentWeight), Occur.SHOULD },
                    { Phrase(Fields.TitleFull, alternative.Words, FormTitle * EquivalentWeight), Occur.SHOULD },
                }, Occur.SHOULD);
            }
        }
    }

    private static void AddExclusions(BooleanQuery query, QueryPlan plan)
    {
        if (plan.Slots.Count == 0)
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST); // only exclusions: everything else
        }

        foreach (var excluded in plan.Excluded)
        {
            query.Add(AlternativeQuery(excluded), Occur.MUST_NOT);
        }
    }

    /// <summary>What it takes to match a slot: any of its alternatives (the typed one in its folded spellings).</summary>
    public static Query SlotQuery(Slot slot)
    {
        if (slot.Alternatives.Count == 1)
        {
            return AlternativeQuery(slot.Alternatives[0]);
        }

        var any = new BooleanQuery(disableCoord: true);
        foreach (var alternative in slot.Alternatives)
        {
            var q = AlternativeQuery(alternative);
            if (!alternative.Typed)
            {
                q.Boost *= EquivalentWeight;
            }

            any.Add(q, Occur.SHOULD);
        }

        return any;
    }

    private static Query AlternativeQuery(Alternative alternative)
    {
        if (alternative.Province is { } province)
        {
            return new TermQuery(new Term(Fields.Province, province));
        }

        if (alternative.Year is { } year)
        {
            return new ConstantScoreQuery(NumericRangeQuery.NewInt32Range(Fields.Year, Fields.NumericStep, year, year, true, true));
        }

        var weight = ReadingWeight(alternative);
        if (alternative.Phrase)
        {
            // A Telex-typed phrase ("khu coong nghieepj") is matched as read.
            var phrase = Phrase(Fields.TextFull, alternative.Words, 1f);
            return alternative.Readings is { } r && !r.Select(VietnameseFold.Full).SequenceEqual(alternative.Words.Select(VietnameseFold.Full))
                ? new BooleanQuery(disableCoord: true) { { phrase, Occur.SHOULD }, { Phrase(Fields.TextFull, r, weight), Occur.SHOULD } }
                : phrase;
        }

        if (alternative.Words.Count == 1)
        {
            return WordQuery(alternative.Words[0], alternative.Readings?[0], weight);
        }

        var all = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < alternative.Words.Count; i++)
        {
            all.Add(WordQuery(alternative.Words[i], alternative.Readings?[i], weight), Occur.MUST);
        }

        return all;
    }

    /// <summary>The words a Telex-typed alternative was read as, or null.</summary>
    private static IReadOnlyList<string>? Telex(Alternative alternative) => alternative.Telex ? alternative.Readings : null;

    /// <summary>A Telex reading is the word meant and counts as typed; accents restored from the index are a guess and count a little less.</summary>
    private static float ReadingWeight(Alternative alternative) => alternative.Telex ? 1f : 0.9f;

    /// <summary>A word in the folded body (which holds the title too): one posting list per word keeps a
    /// conjunction cheap. A Telex or restored reading that folds differently is the word's alternative.</summary>
    private static Query WordQuery(string word, string? reading, float readingWeight)
    {
        var full = VietnameseFold.Full(word);
        Query required = new TermQuery(new Term(Fields.TextFull, full));
        if (reading is not null && VietnameseFold.Full(reading) != full)
        {
            required = new BooleanQuery(disableCoord: true)
            {
                { required, Occur.SHOULD },
                { new TermQuery(new Term(Fields.TextFull, VietnameseFold.Full(reading))) { Boost = readingWeight }, Occur.SHOULD },
            };
        }

        return required;
    }

    /// <summary>
    /// Words side by side, from the folded field's shingles (no positions are indexed): up to three words are one
    /// shingle term; a longer phrase is a chain of overlapping three-word shingles, so each neighbour pair is checked.
    /// </summary>
    public static Query Phrase(string field, IReadOnlyList<string> words, float boost)
    {
        var folded = words.Select(VietnameseFold.Full).ToArray();
        if (folded.Length <= 3)
        {
            return new TermQuery(new Term(field, string.Join(' ', folded))) { Boost = boost };
        }

        var starts = new List<int>();
        for (var i = 0; ; i += 2)
        {
            starts.Add(Math.Min(i, folded.Length - 3));
            if (starts[^1] == folded.Length - 3)
            {
                break;
            }
        }

        // The chain scores about as one term: a long phrase must not outweigh a short form for being long.
        var chain = new BooleanQuery(disableCoord: true) { Boost = boost };
        foreach (var start in starts)
        {
            chain.Add(new TermQuery(new Term(field, string.Join(' ', folded[start..(start + 3)]))) { Boost = 1f / starts.Count }, Occur.MUST);
        }

        return chain;
    }

    /// <summary>The provinces a query names, in any spelling or name: "An Giang", "an giang", "TP.HCM", "Sài Gòn", "hue".</summary>
    public static IReadOnlyList<string> ProvincesNamed(IReadOnlyList<string> words, SearchVocabulary vocabulary) => QueryPlan.Build(string.Join(' ', words), vocabulary).Provinces;

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

        if (request.Subject is { } subject)
        {
            query.Add(Filter(SubjectQuery(subject)), Occur.MUST);
        }

        return query;
    }

    /// <summary>Figures whose subject holds the words of <paramref name="subject"/> side by side, in any spelling.</summary>
    public static Query SubjectQuery(string subject)
    {
        var words = Language.Subjects.Words(subject);
        var run = Analyzers.SubjectRun;
        if (words.Count <= run)
        {
            return new TermQuery(new Term(Fields.Subject, string.Join(' ', words)));
        }

        // Longer than an indexed run: every run of its words, overlapping, must be there.
        var all = new BooleanQuery(disableCoord: true);
        for (var start = 0; start + run <= words.Count; start++)
        {
            all.Add(new TermQuery(new Term(Fields.Subject, string.Join(' ', words.Skip(start).Take(run)))), Occur.MUST);
        }

        return all;
    }

    private static Query Filter(Query q) => new ConstantScoreQuery(q) { Boost = 0f };
}
