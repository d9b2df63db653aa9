using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Pipeline.Search;

/// <summary>
/// All of a request's filters as one bitset per segment (the cached bitsets ANDed): province and years
/// together are a few hundred documents, which then lead the search, so the text query is advanced
/// only to documents that pass every filter.
/// </summary>
internal sealed class AllOf(IReadOnlyList<Filter> filters) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        FixedBitSet? result = null;
        foreach (var filter in filters)
        {
            var set = filter.GetDocIdSet(context, null);
            var iterator = set?.GetIterator();
            if (iterator is null)
            {
                return null; // one filter matches nothing in this segment
            }

            if (result is null)
            {
                result = new FixedBitSet(context.AtomicReader.MaxDoc);
                if (set is FixedBitSet first)
                {
                    result.Or(first);
                }
                else
                {
                    result.Or(iterator);
                }
            }
            else if (set is FixedBitSet bits)
            {
                result.And(bits);
            }
            else
            {
                result.And(iterator);
            }
        }

        // Deleted documents are left out as the filtered query expects of a filter.
        return result is null ? null : BitsFilteredDocIdSet.Wrap(result, acceptDocs);
    }
}

/// <summary>A fixed, small set of documents (global ids, sorted) as a filter: the candidates the full query ranks.</summary>
internal sealed class DocsFilter(int[] docs) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var from = Array.BinarySearch(docs, context.DocBase);
        from = from < 0 ? ~from : from;
        var to = from;
        while (to < docs.Length && docs[to] < context.DocBase + context.AtomicReader.MaxDoc)
        {
            to++;
        }

        if (to == from)
        {
            return null; // no candidate here: the full query builds no scorer for this segment
        }

        var local = new int[to - from];
        for (var i = 0; i < local.Length; i++)
        {
            local[i] = docs[from + i] - context.DocBase;
        }

        return new SortedDocs(local, acceptDocs);
    }

    // A sorted array walked in order: a hundred candidates need no bitset the size of the segment.
    private sealed class SortedDocs(int[] docs, IBits? acceptDocs) : DocIdSet
    {
        public override DocIdSetIterator GetIterator() => new Iterator(docs, acceptDocs);

        private sealed class Iterator(int[] docs, IBits? acceptDocs) : DocIdSetIterator
        {
            private int _at = -1;
            private int _doc = -1;

            public override int DocID => _doc;

            public override int NextDoc() => Advance(_doc + 1);

            public override int Advance(int target)
            {
                while (++_at < docs.Length)
                {
                    if (docs[_at] >= target && (acceptDocs is null || acceptDocs.Get(docs[_at])))
                    {
                        return _doc = docs[_at];
                    }
                }

                return _doc = NO_MORE_DOCS;
            }

            public override long GetCost() => docs.Length;
        }
    }
}
