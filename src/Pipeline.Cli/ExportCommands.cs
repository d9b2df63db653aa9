using System.Globalization;
using System.Text.Json;
using Pipeline.Cli.Export;
using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary>What `pipeline export` was asked to do, as given on the command line.</summary>
public sealed record ExportOptions(string Format, string? Out, string? Since, string? Province, string Database, bool Quiet = false, bool Json = false);

/// <summary>Where one table went and how many rows it has.</summary>
public sealed record ExportedTable(string Table, string Path, int Rows);

/// <summary>
/// `pipeline export`: the store's documents and figures as two files in a folder, in CSV, JSONL or
/// Parquet. Each file is written beside its final name and renamed into place, so a reader never sees
/// half a file; the same database always gives the same bytes.
/// </summary>
public static class ExportCommands
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<int> Export(ExportOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        ExportFormat format;
        switch (options.Format.ToLowerInvariant())
        {
            case "csv": format = ExportFormat.Csv; break;
            case "jsonl": format = ExportFormat.Jsonl; break;
            case "parquet": format = ExportFormat.Parquet; break;
            default: return Fail(stderr, $"--format wants csv, jsonl or parquet, not \"{options.Format}\"");
        }

        if (string.IsNullOrWhiteSpace(options.Out))
        {
            return Fail(stderr, "give --out DIR, the folder to write figures and documents into");
        }

        DateOnly? since = null;
        if (options.Since is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Fail(stderr, $"--since wants a date as yyyy-MM-dd, not \"{text}\"");
            }

            since = date;
        }

        // Opening creates a missing file; an export must not invent an empty database.
        if (!File.Exists(options.Database))
        {
            return Fail(stderr, $"{options.Database}: no such database; run `pipeline run` first");
        }

        try
        {
            using var store = DocumentStore.Open(options.Database);
            var tables = await Write(store, format, options.Out, since, options.Province, cancel).ConfigureAwait(false);
            Report(tables, options, stdout);
            return 0;
        }
        catch (InvalidOperationException e) when (e is not ObjectDisposedException)
        {
            return Fail(stderr, $"{options.Database}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"{options.Out}: cannot write there: {e.Message}");
        }
    }

    /// <summary>Writes both tables into <paramref name="folder"/>; on failure no final file is touched and no temporary one is left.</summary>
    public static async Task<IReadOnlyList<ExportedTable>> Write(DocumentStore store, ExportFormat format, string folder, DateOnly? since, string? province, CancellationToken cancel)
    {
        Directory.CreateDirectory(folder);
        var extension = TableWriter.Extension(format);
        var schemas = new[] { ExportTables.Figures, ExportTables.Documents };
        var finals = schemas.Select(s => Path.Combine(folder, $"{s.Name}.{extension}")).ToArray();
        var temps = finals.Select(f => Path.Combine(folder, $".{Path.GetFileName(f)}.{Guid.NewGuid():N}.tmp")).ToArray();
        var streams = new List<FileStream>();
        var writers = new List<TableWriter>();
        try
        {
            foreach (var (schema, temp) in schemas.Zip(temps))
            {
                var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
                streams.Add(stream);
                writers.Add(TableWriter.Create(format, schema, stream));
            }

            foreach (var document in store.Documents(since, province))
            {
                cancel.ThrowIfCancellationRequested();
                foreach (var row in ExportTables.FigureRows(document))
                {
                    writers[0].Add(row);
                }

                writers[1].Add(ExportTables.DocumentRow(document));
            }

            foreach (var writer in writers)
            {
                await writer.CompleteAsync(cancel).ConfigureAwait(false);
                writer.Dispose();
            }

            foreach (var stream in streams)
            {
                // On disk before the rename, so a crash cannot leave a renamed but empty file.
                stream.Flush(flushToDisk: true);
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            foreach (var (temp, final) in temps.Zip(finals))
            {
                File.Move(temp, final, overwrite: true);
            }

            return schemas.Zip(finals, writers).Select(t => new ExportedTable(t.First.Name, t.Second, t.Third.Rows)).ToList();
        }
        finally
        {
            foreach (var writer in writers)
            {
                writer.Dispose();
            }

            foreach (var stream in streams)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            foreach (var temp in temps.Where(File.Exists))
            {
                File.Delete(temp);
            }
        }
    }

    private static void Report(IReadOnlyList<ExportedTable> tables, ExportOptions options, TextWriter stdout)
    {
        if (options.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(tables, Json));
        }
        else if (!options.Quiet)
        {
            foreach (var table in tables)
            {
                stdout.WriteLine($"{table.Table,-10} {table.Rows} rows → {table.Path}");
            }
        }
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"pipeline: {message}");
        return 2;
    }
}
