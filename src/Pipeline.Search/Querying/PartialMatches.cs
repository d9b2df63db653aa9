using Lucene.Net.Index;
using Lucene.Net.Search;
using Pipeline.Search.Analysis;

namespace Pipeline.Search;

/// <summary>
/// Documents that match most of a query's words, for when too few match them all: one word phrased
/// differently on the page should not hide an otherwise perfect document. Each slot weighs by its rarity
/// (inverse document frequency), a document qualifies with at least half of the query's weight, and the
/// query's place names and names stay required, its metric words as their metric (the document reports it). Listed after the full matches, rarest matches first,
/// each with the words it lacks.
/// </summary>
internal static class PartialMatches
{
    /// <summary>The share of the query's weight a document must match.</summary>
    private const double Enough = 0.5;

    public static List<(ScoreDoc Doc, IReadOnlyList<string> Missing)> Find(IndexSearcher searcher, QueryPlan plan, Query fullMatch, Filter filters, Query? ids, int wanted)
    {
        var slots = plan.Slots;
        if (wanted <= 0 || slots.Count < 2 || slots.All(s => s.Key && s.Metric is null))
        {
            return []; // with every slot required, a partial match is a full one
        }

        var reader = searcher.IndexReader;
        var documents = Math.Max(1, reader.DocFreq(new Term(Fields.Kind, Fields.KindDocument)));
        var weights = slots.Select(s => Rarity(reader, s, documents)).ToArray();
        var total = weights.Sum();

        var query = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < slots.Count; i++)
        {
            // Places and names must be there as typed; a metric word may be phrased otherwise ("thu ngân sách" for
            // "nộp ngân sách") as long as the document reports that metric.
            var required = slots[i].Key && slots[i].Metric is null;
            query.Add(new ConstantScoreQuery(QueryBuilder.SlotQuery(slots[i])) { Boost = (float)weights[i] }, required ? Occur.MUST : Occur.SHOULD);
        }

        foreach (var metric in slots.Select(s => s.Metric).OfType<string>().Distinct())
        {
            query.Add(new TermQuery(new Term(Fields.Metrics, metric)) { Boost = 0f }, Occur.MUST);
        }

        query.MinimumNumberShouldMatch = 1;
        query.Add(fullMatch, Occur.MUST_NOT); // listed already
        foreach (var excluded in plan.Excluded)
        {
            query.Add(QueryBuilder.SlotQuery(new Slot("", SlotKind.Word, [excluded])), Occur.MUST_NOT);
        }

        if (ids is not null)
        {
            query.Add(ids, Occur.MUST);
        }

        var top = searcher.Search(new FilteredQuery(query, filters, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), Math.Max(50, wanted * 5));
        if (top.ScoreDocs.Length == 0)
        {
            return [];
        }

        var docs = top.ScoreDocs.Select(d => d.Doc).Order().ToArray();
        var matched = slots.Select(s => Matching(searcher, QueryBuilder.SlotQuery(s), docs)).ToArray();

        // Among documents matching the same share, the full query's scoring (spellings, titles, shingles) decides.
        var scores = Scores(searcher, plan, docs);
        var ranked = new List<(ScoreDoc Doc, double Weight, IReadOnlyList<string> Missing)>();
        for (var d = 0; d < docs.Length; d++)
        {
            var missing = Enumerable.Range(0, slots.Count).Where(i => !matched[i][d]).ToList();
            var weight = total - missing.Sum(i => weights[i]);
            if (weight >= Enough * total && missing.Count > 0)
            {
                var score = scores.GetValueOrDefault(docs[d]) * (float)(weight / total);
                ranked.Add((new ScoreDoc(docs[d], score), weight, missing.Select(i => slots[i].Label).ToList()));
            }
        }

        return [.. ranked.OrderByDescending(r => Math.Round(r.Weight, 6)).ThenByDescending(r => r.Doc.Score).Take(wanted).Select(r => (r.Doc, r.Missing))];
    }

    /// <summary>How rare a slot is: the inverse document frequency of its commonest way to match.</summary>
    private static double Rarity(IndexReader reader, Slot slot, int documents)
    {
        var df = 0;
        foreach (var alternative in slot.Alternatives)
        {
            if (alternative.Province is { } province)
            {
                df = Math.Max(df, reader.DocFreq(new Term(Fields.Province, province)));
            }
            else if (alternative.Words.Count > 0)
            {
                // The words as read match too: a Telex word ("tees") is as rare as the word it is read as ("tế"), not as its letters.
                foreach (var words in alternative.Readings is { } readings ? [alternative.Words, readings] : new[] { alternative.Words })
                {
                    var folded = words.Select(VietnameseFold.Full).ToArray();
                    // A phrase is about as rare as its rarest part; up to three words it is one shingle term.
                    df = Math.Max(df, folded.Length <= 3
                        ? reader.DocFreq(new Term(Fields.TextFull, string.Join(' ', folded)))
                        : folded.Min(w => reader.DocFreq(new Term(Fields.TextFull, w))));
                }
            }
        }

        return Math.Log(1 + (double)documents / (df + 1));
    }

    /// <summary>For each of the sorted documents, whether it matches the query.</summary>
    private static bool[] Matching(IndexSearcher searcher, Query query, int[] docs)
    {
        var result = new bool[docs.Length];
        var weight = searcher.CreateNormalizedWeight(query);
        var d = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var end = leaf.DocBase + leaf.AtomicReader.MaxDoc;
            var scorer = d < docs.Length && docs[d] < end ? weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) : null;
            for (; d < docs.Length && docs[d] < end; d++)
            {
                var local = docs[d] - leaf.DocBase;
                if (scorer is not null && (scorer.DocID >= local || scorer.Advance(local) != DocIdSetIterator.NO_MORE_DOCS))
                {
                    result[d] = scorer.DocID == local;
                }
            }
        }

        return result;
    }

    /// <summary>The full query's score with every slot optional, for the candidates only.</summary>
    private static Dictionary<int, float> Scores(IndexSearcher searcher, QueryPlan plan, int[] docs)
    {
        if (QueryBuilder.Text(plan) is not BooleanQuery full)
        {
            return [];
        }

        var relaxed = new BooleanQuery(disableCoord: true);
        foreach (var clause in full.Clauses)
        {
            relaxed.Add(clause.Query, clause.Occur == Occur.MUST ? Occur.SHOULD : clause.Occur);
        }

        var top = searcher.Search(new FilteredQuery(relaxed, new DocsFilter(docs), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), docs.Length);
        return top.ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
    }
}
