using Pipeline.Storage;

namespace Pipeline.Application.Export;

/// <summary>Where one table went and how many rows it has.</summary>
public sealed record ExportedTable(string Table, string Path, int Rows);

/// <summary>
/// The `export` use case: the store's figures, documents and table cells as three files in a folder, in CSV, JSONL
/// or Parquet. Each file is written beside its final name and renamed into place, so a reader never
/// sees half a file; the same database always gives the same bytes.
/// </summary>
public static class DatasetExport
{
    /// <summary>Exports the store at <paramref name="database"/> into <paramref name="folder"/> (created if missing).</summary>
    /// <param name="database">The store; it must exist.</param>
    /// <param name="format">CSV, JSONL or Parquet.</param>
    /// <param name="folder">Where figures.EXT, documents.EXT and tables.EXT go.</param>
    /// <param name="since">Only documents published on or after this date.</param>
    /// <param name="province">Only documents of this province.</param>
    /// <param name="cancel">Stops between documents; no final file is touched then.</param>
    public static async Task<IReadOnlyList<ExportedTable>> WriteAsync(string database, ExportFormat format, string folder, DateOnly? since, string? province, CancellationToken cancel)
    {
        Stores.Require(database);
        using var store = DocumentStore.Open(database);
        return await WriteAsync(store, format, folder, since, province, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// The stored name of the province asked for, typed in any spelling ("ho chi minh", "TP.HCM", "Huế"): a typo is a
    /// usage error naming the closest province, never an empty export that looks like "no data".
    /// </summary>
    private static string? StoredProvince(string? typed) => typed is null ? null
        : FigureQueries.Province(typed)
          ?? throw new UsageException($"--province: unknown province '{typed}'; did you mean '{FigureQueries.ClosestProvince(typed)}'?");

    /// <summary>Writes the three tables into <paramref name="folder"/>; on failure no final file is touched and no temporary one is left.</summary>
    public static async Task<IReadOnlyList<ExportedTable>> WriteAsync(DocumentStore store, ExportFormat format, string folder, DateOnly? since, string? province, CancellationToken cancel)
    {
        province = StoredProvince(province);
        Directory.CreateDirectory(folder);
        var extension = TableWriter.Extension(format);
        var schemas = new[] { ExportTables.Figures, ExportTables.Documents, ExportTables.Tables };
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

            foreach (var document in store.Documents(since, province, tables: true))
            {
                cancel.ThrowIfCancellationRequested();
                foreach (var row in ExportTables.FigureRows(document))
                {
                    writers[0].Add(row);
                }

                writers[1].Add(ExportTables.DocumentRow(document));
                foreach (var row in ExportTables.TableRows(document))
                {
                    writers[2].Add(row);
                }
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
}
