using System.Buffers;
using Pipeline.Application.Export;
using Pipeline.Core;
using Pipeline.Search.Language;
using Pipeline.Storage;

namespace Pipeline.Application;

/// <summary>One page of the figures matching a filter: how many match in all, and this page's rows.</summary>
public sealed record FigurePage(int Total, int Page, int PageSize, IReadOnlyList<StoredFigure> Figures)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The formats a selection of figures downloads in: the export's figures table as CSV, or as one JSON array of objects with the same columns.</summary>
public enum FigureDownload
{
    Csv,
    Json,
}

/// <summary>What a figure filter can be set to: the fixed vocabularies, and the values present in the store.</summary>
public sealed record FigureChoices(
    IReadOnlyList<string> Provinces,
    IReadOnlyList<string> Years,
    IReadOnlyList<string> PageTypes,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<string> Measures,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Units);

/// <summary>
/// The figures use cases behind the figures page and its API: find the figures matching a filter, a page
/// at a time, and write a whole selection as the export's figures table.
/// </summary>
public static class FigureQueries
{
    /// <summary>Every metric name (FIGURES.md).</summary>
    public static readonly IReadOnlyList<string> Metrics = [.. Enum.GetValues<Metric>().Select(m => Names.Of(m))];

    /// <summary>Every measure name (FIGURES.md).</summary>
    public static readonly IReadOnlyList<string> Measures = [.. Enum.GetValues<Measure>().Select(m => Names.Of(m))];

    /// <summary>The scopes a filter takes: fdi, domestic, or none (a figure without scope: a total).</summary>
    public static readonly IReadOnlyList<string> Scopes = [.. Enum.GetValues<Scope>().Select(s => Names.Of(s)), FigureFilter.NoScope];

    /// <summary>Rows read from the store and written out at a time while downloading.</summary>
    private const int Batch = 500;

    /// <summary>The page <paramref name="page"/> (from 1) of the figures matching <paramref name="filter"/>; a page past the last is empty.</summary>
    public static FigurePage Find(DocumentStore store, FigureFilter filter, FigureSort sort, bool descending, int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var total = store.CountFigures(filter);
        var offset = (long)(page - 1) * pageSize;
        var rows = offset >= total ? [] : store.FindFigures(filter, sort, descending, (int)offset, pageSize).ToList();
        return new FigurePage(total, page, pageSize, rows);
    }

    /// <summary>
    /// Writes every figure matching <paramref name="filter"/> to <paramref name="output"/> as rows of the export's
    /// figures table (<see cref="ExportTables.Figures"/>: the same columns and cells as `pipeline export`), a batch at
    /// a time so a large selection is never held whole. Returns the number of rows.
    /// </summary>
    public static async Task<int> WriteAsync(DocumentStore store, FigureFilter filter, FigureSort sort, bool descending, FigureDownload format, Stream output, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        using TableWriter writer = format == FigureDownload.Csv
            ? new CsvTableWriter(ExportTables.Figures, buffer)
            : new JsonlTableWriter(ExportTables.Figures, buffer);
        var json = new JsonArrayFramer();
        var pending = 0;
        foreach (var figure in store.FindFigures(filter, sort, descending))
        {
            cancel.ThrowIfCancellationRequested();
            writer.Add(ExportTables.FigureRow(figure.Document, figure.Ordinal, figure.Figure));
            if (++pending == Batch)
            {
                await FlushAsync().ConfigureAwait(false);
                pending = 0;
            }
        }

        await FlushAsync().ConfigureAwait(false);
        if (format == FigureDownload.Json)
        {
            await output.WriteAsync(json.End(), cancel).ConfigureAwait(false);
        }

        return writer.Rows;

        async Task FlushAsync()
        {
            await writer.CompleteAsync(cancel).ConfigureAwait(false);
            var written = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
            await output.WriteAsync(format == FigureDownload.Json ? json.Frame(written.Span) : written, cancel).ConfigureAwait(false);
            buffer.SetLength(0);
        }
    }

    /// <summary>The choices of every filter: fixed vocabularies, and the provinces, years, page types and units the store holds.</summary>
    public static FigureChoices Choices(DocumentStore store) => new(
        store.Distinct(FigureColumn.Province),
        store.Distinct(FigureColumn.Year),
        [.. Pipeline.Learning.Pages.PageTypes.All],
        Metrics,
        Measures,
        Scopes,
        Units(store));

    /// <summary>The units a filter accepts: those the extractor gives and those the store holds (rates such as USD/m2).</summary>
    public static IReadOnlyList<string> Units(DocumentStore store) =>
        [.. store.Distinct(FigureColumn.Unit).Concat(SearchLanguage.Vocabulary.Units).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The stored name of a province typed in any spelling ("binh duong", "TP.HCM", "Huế"), or null when none is meant.</summary>
    public static string? Province(string typed) => SearchLanguage.Vocabulary.Places.Resolve(typed);

    /// <summary>The province nearest to what was typed, for "did you mean".</summary>
    public static string ClosestProvince(string typed) => SearchLanguage.Vocabulary.Places.Closest(typed);

    /// <summary>Turns the JSONL the export's writer gives (one object a line; a line break never occurs inside one) into one JSON array.</summary>
    private sealed class JsonArrayFramer
    {
        private bool _opened;
        private bool _any;

        public ReadOnlyMemory<byte> Frame(ReadOnlySpan<byte> lines)
        {
            var framed = new ArrayBufferWriter<byte>(lines.Length + 64);
            if (!_opened)
            {
                framed.Write("["u8);
                _opened = true;
            }

            foreach (var range in lines.Split((byte)'\n'))
            {
                var line = lines[range];
                if (line.IsEmpty)
                {
                    continue;
                }

                framed.Write(_any ? ",\n"u8 : "\n"u8);
                framed.Write(line);
                _any = true;
            }

            return framed.WrittenMemory;
        }

        public ReadOnlyMemory<byte> End() => _any ? "\n]\n"u8.ToArray() : "]\n"u8.ToArray();
    }
}
