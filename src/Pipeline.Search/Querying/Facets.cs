using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Pipeline.Search;

/// <summary>
/// Counts province, year and metric over every matching document, read from doc values (the
/// Facet package is not available, so this is the small part of it that search needs).
/// </summary>
public sealed class FacetCollector : ICollector
{
    private readonly Dictionary<string, int> _provinces = [];
    private readonly Dictionary<string, int> _years = [];
    private readonly Dictionary<string, int> _metrics = [];
    private SortedDocValues? _province;
    private NumericDocValues? _year;
    private SortedSetDocValues? _metric;
    private readonly BytesRef _scratch = new();

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        _province = reader.GetSortedDocValues(Fields.Province);
        _year = reader.GetNumericDocValues(Fields.Year);
        _metric = reader.GetSortedSetDocValues(Fields.Metrics);
    }

    public void Collect(int doc)
    {
        Total++;
        if (_province is not null)
        {
            var ord = _province.GetOrd(doc);
            if (ord >= 0)
            {
                _province.LookupOrd(ord, _scratch);
                Add(_provinces, _scratch.Utf8ToString());
            }
        }

        if (_year is not null && _year.Get(doc) is > 0 and var year)
        {
            Add(_years, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (_metric is not null)
        {
            _metric.SetDocument(doc);
            long ord;
            while ((ord = _metric.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _metric.LookupOrd(ord, _scratch);
                Add(_metrics, _scratch.Utf8ToString());
            }
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Counts() => new Dictionary<string, IReadOnlyList<FacetCount>>
    {
        ["province"] = Sorted(_provinces),
        ["year"] = _years.OrderByDescending(kv => kv.Key, StringComparer.Ordinal).Select(kv => new FacetCount(kv.Key, kv.Value)).ToList(),
        ["metric"] = Sorted(_metrics),
    };

    private static List<FacetCount> Sorted(Dictionary<string, int> counts) =>
        counts.Where(kv => kv.Key.Length > 0).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new FacetCount(kv.Key, kv.Value)).ToList();

    private static void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
