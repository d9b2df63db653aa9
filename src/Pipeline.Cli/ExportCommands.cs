using System.Globalization;
using System.Text.Json;
using Pipeline.Application;
using Pipeline.Application.Export;
using Pipeline.Core;

namespace Pipeline.Cli;

/// <summary>What `pipeline export` was asked to do, as given on the command line.</summary>
public sealed record ExportOptions(string Format, string? Out, string? Since, string? Province, string Database, bool Quiet = false, bool Json = false);

/// <summary>`pipeline export`: options checked, <see cref="DatasetExport"/> called, where each table went written out.</summary>
public static class ExportCommands
{
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
            return Fail(stderr, "give --out DIR, the folder to write figures, documents and tables into");
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

        try
        {
            var tables = await DatasetExport.WriteAsync(options.Database, format, options.Out, since, options.Province, cancel).ConfigureAwait(false);
            Report(tables, options, stdout);
            return 0;
        }
        catch (UsageException e)
        {
            return Fail(stderr, e.Message);
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

    private static void Report(IReadOnlyList<ExportedTable> tables, ExportOptions options, TextWriter stdout)
    {
        if (options.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(tables, WireJson.Summary));
        }
        else if (!options.Quiet)
        {
            foreach (var table in tables)
            {
                stdout.WriteLine($"{table.Table,-10} {table.Rows} rows → {table.Path}");
            }
        }
    }

    private static int Fail(TextWriter stderr, string message) => Usage.Fail(stderr, message);
}
