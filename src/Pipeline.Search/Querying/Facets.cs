using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Pipeline.Search;

/// <summary>
/// Counts province, year, page type and metric over every matching document, read from doc values (the
/// Facet package is not available, so this is the small part of it that search needs).
/// </summary>
public sealed class FacetCollector : ICollector
{
    private readonly Dictionary<string, int> _provinces = [];
    private readonly Dictionary<string, int> _years = [];
    private readonly Dictionary<string, int> _metrics = [];
    private readonly Dictionary<string, int> _types = [];
    private SortedDocValues? _province;
    private SortedDocValues? _type;
    private NumericDocValues? _year;
    private SortedSetDocValues? _metric;
    private int[] _provinceOrds = [];
    private int[] _typeOrds = [];
    private int[] _metricOrds = [];
    private readonly BytesRef _scratch = new();

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _province = reader.GetSortedDocValues(Fields.Province);
        _type = reader.GetSortedDocValues(Fields.PageType);
        _year = reader.GetNumericDocValues(Fields.Year);
        _metric = reader.GetSortedSetDocValues(Fields.Metrics);
        // Counts go by ordinal within a segment; ordinals become strings once per segment, not per hit.
        _provinceOrds = new int[_province?.ValueCount ?? 0];
        _typeOrds = new int[_type?.ValueCount ?? 0];
        _metricOrds = new int[(int)(_metric?.ValueCount ?? 0)];
    }

    public void Collect(int doc)
    {
        Total++;
        if (_province is not null && _province.GetOrd(doc) is >= 0 and var ord)
        {
            _provinceOrds[ord]++;
        }

        if (_type is not null && _type.GetOrd(doc) is >= 0 and var typeOrd)
        {
            _typeOrds[typeOrd]++;
        }

        if (_year is not null && _year.Get(doc) is > 0 and var year)
        {
            Add(_years, year.ToString(System.Globalization.CultureInfo.InvariantCulture), 1);
        }

        if (_metric is not null)
        {
            _metric.SetDocument(doc);
            long m;
            while ((m = _metric.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _metricOrds[m]++;
            }
        }
    }

    private void Flush()
    {
        for (var i = 0; i < _provinceOrds.Length; i++)
        {
            if (_provinceOrds[i] > 0)
            {
                _province!.LookupOrd(i, _scratch);
                Add(_provinces, _scratch.Utf8ToString(), _provinceOrds[i]);
            }
        }

        for (var i = 0; i < _typeOrds.Length; i++)
        {
            if (_typeOrds[i] > 0)
            {
                _type!.LookupOrd(i, _scratch);
                Add(_types, _scratch.Utf8ToString(), _typeOrds[i]);
            }
        }

        for (var i = 0; i < _metricOrds.Length; i++)
        {
            if (_metricOrds[i] > 0)
            {
                _metric!.LookupOrd(i, _scratch);
                Add(_metrics, _scratch.Utf8ToString(), _metricOrds[i]);
            }
        }

        _provinceOrds = [];
        _typeOrds = [];
        _metricOrds = [];
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Counts()
    {
        Flush();
        return new Dictionary<string, IReadOnlyList<FacetCount>>
        {
            ["province"] = Sorted(_provinces),
            ["year"] = _years.OrderByDescending(kv => kv.Key, StringComparer.Ordinal).Select(kv => new FacetCount(kv.Key, kv.Value)).ToList(),
            ["type"] = Sorted(_types),
            ["metric"] = Sorted(_metrics),
        };
    }

    private static List<FacetCount> Sorted(Dictionary<string, int> counts) =>
        counts.Where(kv => kv.Key.Length > 0).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new FacetCount(kv.Key, kv.Value)).ToList();

    private static void Add(Dictionary<string, int> counts, string key, int n) => counts[key] = counts.GetValueOrDefault(key) + n;
}
