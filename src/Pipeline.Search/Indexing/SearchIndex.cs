using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Pipeline.Core;
using Pipeline.Search.Analysis;
using Pipeline.Search.Language;
using Directory = Lucene.Net.Store.Directory;

namespace Pipeline.Search;

/// <summary>What the index keeps of one document: the extractor's record, the clean text its offsets point into, and its page type (report, project, …) when known.</summary>
public sealed record IndexedDocument(ExtractedDocument Document, string CleanText, string? PageType = null);

/// <summary>Something searches can run against: the writer's near-real-time view, or a read-only reader.</summary>
public interface ISearchable
{
    T WithSearcher<T>(Func<IndexSearcher, T> read);

    /// <summary>The provinces, metric phrases and units queries against this index are read with.</summary>
    SearchVocabulary Vocabulary { get; }
}

/// <summary>
/// The search index, opened for writing: documents and their figures in one Lucene index. Writes replace a
/// document's records by its id (source) and become durable at <see cref="Commit"/>; searches through it
/// are near-real-time through a SearcherManager. A writer killed mid-write leaves the last commit intact.
/// One process at a time writes a folder (<see cref="IndexLock"/>); readers use <see cref="SearchIndexReader"/>.
/// </summary>
public sealed class SearchIndex : ISearchable, IDisposable
{
    private readonly Directory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly IndexLock? _lock;

    private SearchIndex(Directory directory, SearchVocabulary vocabulary, IndexLock? held = null)
    {
        _directory = directory;
        Vocabulary = vocabulary;
        _lock = held;
        var config = new IndexWriterConfig(VietnameseAnalyzer.Version, Analyzers.PerField())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 256,
        };
        _writer = new IndexWriter(directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new SearcherFactory());
    }

    /// <summary>Opens (or creates) the index in a folder for writing, holding its writer lock until disposed.</summary>
    /// <param name="folder">The index folder (created if missing).</param>
    /// <param name="vocabulary">The provinces, metric phrases and units its searches read queries with.</param>
    /// <param name="wait">How long to wait for another process writing the folder (none by default).</param>
    /// <param name="waiting">Told the other writer's pid once, when this one starts waiting.</param>
    /// <exception cref="IndexBusyException">Another process still writes the folder after <paramref name="wait"/>.</exception>
    public static SearchIndex Open(string folder, SearchVocabulary vocabulary, TimeSpan? wait = null, Action<int?>? waiting = null)
    {
        var held = IndexLock.Acquire(folder, wait ?? TimeSpan.Zero, waiting);
        try
        {
            return new SearchIndex(MappedDirectory.OpenFolder(folder), vocabulary, held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>An index in memory, for tests and one-off searches.</summary>
    public static SearchIndex InMemory(SearchVocabulary vocabulary) => new(new RAMDirectory(), vocabulary);

    public SearchVocabulary Vocabulary { get; }

    /// <summary>Adds a document and its figures, replacing any earlier version with the same source.</summary>
    public void Upsert(IndexedDocument item)
    {
        var d = item.Document;
        Delete(d.Source);
        _writer.AddDocument(DocumentRecord(item));
        var record = figureRecord ??= new FigureRecord();
        foreach (var figure in d.Figures)
        {
            _writer.AddDocument(record.Fill(d, figure, item.PageType));
        }
    }

    public void Delete(string source) => _writer.DeleteDocuments(new Term(Fields.Id, source));

    /// <summary>Makes every write so far durable (Lucene's two-phase commit) and visible to new searches.</summary>
    public void Commit()
    {
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Makes writes visible to searches without making them durable yet.</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    public T WithSearcher<T>(Func<IndexSearcher, T> read)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public int DocumentCount => WithSearcher(s => s.Search(new TermQuery(new Term(Fields.Kind, Fields.KindDocument)), 1).TotalHits);

    private static Document DocumentRecord(IndexedDocument item)
    {
        var d = item.Document;
        var doc = new Document
        {
            new StringField(Fields.Kind, Fields.KindDocument, Field.Store.YES),
            new StringField(Fields.Id, d.Source, Field.Store.YES),
            new StoredField(Fields.Title, d.Title ?? ""),
            new StoredField(Fields.Body, item.CleanText),
            new StringField(Fields.Board, d.Board ?? "", Field.Store.YES),
            new StringField(Fields.Province, d.Province ?? "", Field.Store.YES),
            new SortedDocValuesField(Fields.Province, new Lucene.Net.Util.BytesRef(d.Province ?? "")),
            new StringField(Fields.Published, d.Published ?? "", Field.Store.YES),
            new StringField(Fields.Period, d.Period ?? "", Field.Store.YES),
            new StringField(Fields.PageType, item.PageType ?? "", Field.Store.YES),
            new SortedDocValuesField(Fields.PageType, new Lucene.Net.Util.BytesRef(item.PageType ?? "")),
        };
        var year = Year(d);
        doc.Add(new Int32Field(Fields.Year, year, StoredYearType));
        doc.Add(new NumericDocValuesField(Fields.Year, year));
        foreach (var metric in d.Figures.Select(f => FigureJson.Name(f.Metric)).Distinct())
        {
            doc.Add(new StringField(Fields.Metrics, metric, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(Fields.Metrics, new Lucene.Net.Util.BytesRef(metric)));
        }

        // Each text is tokenised once for its three spellings (see SpellingStreams).
        var title = new SpellingStreams(d.Title ?? "");
        // The title is indexed with the body too, so every word of a document is in the body fields and a
        // query word can require one term; the title fields only add a bonus.
        var body = new SpellingStreams((d.Title ?? "") + "\n" + item.CleanText);
        foreach (var (field, spelling) in Fields.Spellings)
        {
            var streams = field.StartsWith("title", StringComparison.Ordinal) ? title : body;
            doc.Add(new Field(field, streams.Stream(spelling), TextType));
        }

        return doc;
    }

    private static readonly FieldType YearType = new(Int32Field.TYPE_NOT_STORED) { NumericPrecisionStep = Fields.NumericStep };
    private static readonly FieldType StoredYearType = new(Int32Field.TYPE_STORED) { NumericPrecisionStep = Fields.NumericStep };
    private static readonly FieldType ValueType = new(DoubleField.TYPE_NOT_STORED) { NumericPrecisionStep = Fields.NumericStep };

    // A subject's runs of words are its terms (Analyzers.Subject): no frequencies or positions needed.
    private static readonly FieldType SubjectType = new(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY };

    // Shingles stand in for phrase queries, so no positions are kept: a smaller index, faster writes.
    private static readonly FieldType TextType = new(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };

    // One figure record per writing thread, refilled for every figure (AddDocument is done with it on return).
    [ThreadStatic]
    private static FigureRecord? figureRecord;

    /// <summary>
    /// A figure's Lucene record. Its fields are reused from figure to figure because a reused field keeps
    /// its token stream, and Lucene.Net creates every new token stream's attributes under a process-wide
    /// lock: with a dozen fields per figure and many figures per document, new fields made the writer
    /// threads queue on that lock. A figure carries its page's type too, so a type filter narrows figure
    /// listings as it narrows documents.
    /// </summary>
    private sealed class FigureRecord
    {
        private readonly StringField _id = new(Fields.Id, "", Field.Store.YES);
        private readonly StringField _province = new(Fields.Province, "", Field.Store.NO);
        private readonly StringField _pageType = new(Fields.PageType, "", Field.Store.NO);
        private readonly Int32Field _year = new(Fields.Year, 0, YearType);
        private readonly StringField _metric = new(Fields.Metric, "", Field.Store.NO);
        private readonly StringField _measure = new(Fields.Measure, "", Field.Store.NO);
        private readonly DoubleField _value = new(Fields.Value, 0d, ValueType);
        private readonly StringField _unit = new(Fields.Unit, "", Field.Store.NO);
        private readonly StringField _scope = new(Fields.Scope, "", Field.Store.NO);
        private readonly StringField _period = new(Fields.Period, "", Field.Store.NO);
        private readonly StringField _target = new(Fields.Target, "", Field.Store.NO);
        private readonly Field _subject = new(Fields.Subject, "", SubjectType);
        private readonly StoredField _json = new(Fields.Json, "");
        private readonly Document _document;

        public FigureRecord() => _document =
        [
            new StringField(Fields.Kind, Fields.KindFigure, Field.Store.YES),
            _id, _province, _pageType, _year, _metric, _measure, _value, _unit, _scope, _period, _target, _subject, _json,
        ];

        public Document Fill(ExtractedDocument d, Figure f, string? pageType)
        {
            _id.SetStringValue(d.Source);
            _province.SetStringValue(d.Province ?? "");
            _pageType.SetStringValue(pageType ?? "");
            _year.SetInt32Value(Year(d));
            _metric.SetStringValue(FigureJson.Name(f.Metric));
            _measure.SetStringValue(FigureJson.Name(f.Measure));
            _value.SetDoubleValue((double)f.Value);
            _unit.SetStringValue(f.Unit);
            _scope.SetStringValue(f.Scope is { } s ? FigureJson.Name(s) : "");
            _period.SetStringValue(f.Period ?? "");
            _target.SetStringValue(f.Target ? "true" : "false");
            _subject.SetStringValue(f.Subject is { } subject ? string.Join(' ', Language.Subjects.Words(subject)) : "");
            _json.SetStringValue(FigureJson.Serialize(f));
            return _document;
        }
    }

    /// <summary>The year a document is filed under: its publication year, else its period's first year.</summary>
    private static int Year(ExtractedDocument d) =>
        d.Published is { Length: >= 4 } p && int.TryParse(p[..4], out var y) ? y
        : Periods.FirstYear(d.Period) ?? 0;

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose(); // commits pending changes, as Lucene's IndexWriter does on close
        _directory.Dispose();
        _lock?.Dispose();
    }
}
