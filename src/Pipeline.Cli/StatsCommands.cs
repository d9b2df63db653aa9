using System.Text.Json;
using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary>`pipeline stats`: what the store holds, by province, year, page type and metric; each source's last crawl and failures; conflicting facts.</summary>
public static class StatsCommands
{
    public static int Stats(string database, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(database))
        {
            stderr.WriteLine($"pipeline: {database}: no such database; run `pipeline run` first");
            return 2;
        }

        using var store = DocumentStore.Open(database);
        var (documents, figures) = store.Counts();
        var groups = Enum.GetValues<StatsGrouping>().ToDictionary(g => g, store.CountBy);
        var sources = store.Sources();
        var conflicts = store.Conflicts();
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(
                new
                {
                    documents,
                    figures,
                    by_province = groups[StatsGrouping.Province].ToDictionary(x => x.Label, x => x.Count),
                    by_year = groups[StatsGrouping.Year].ToDictionary(x => x.Label, x => x.Count),
                    by_metric = groups[StatsGrouping.Metric].ToDictionary(x => x.Label, x => x.Count),
                    by_page_type = groups[StatsGrouping.PageType].ToDictionary(x => x.Label, x => x.Count),
                    sources = sources.Select(s => new { site = s.Site, last_fetch = s.LastFetch, requests_logged = s.Pages, last_run_failures = s.Failures }),
                    conflicts = conflicts.Select(c => new { fact = c.Key, reports = c.Reports.Select(r => new { url = r.Url, value = r.Value }) }),
                },
                new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            return 0;
        }

        stdout.WriteLine($"{documents} documents, {figures} figures in {database}");
        Section(stdout, "documents by province", groups[StatsGrouping.Province]);
        Section(stdout, "documents by year", groups[StatsGrouping.Year]);
        Section(stdout, "documents by page type", groups[StatsGrouping.PageType]);
        Section(stdout, "figures by metric", groups[StatsGrouping.Metric]);
        stdout.WriteLine();
        stdout.WriteLine("sources: last fetch, requests logged, failures in the last run");
        foreach (var (site, last, pages, failures) in sources)
        {
            stdout.WriteLine($"  {site,-24} {last}  {pages,7}  {(failures.Length == 0 ? "none" : failures)}");
        }

        stdout.WriteLine();
        stdout.WriteLine($"facts reported differently by different documents ({conflicts.Count} shown)");
        foreach (var (key, reports) in conflicts)
        {
            stdout.WriteLine($"  {key}");
            foreach (var (url, value) in reports)
            {
                stdout.WriteLine($"      {value,20}  {url}");
            }
        }

        return 0;
    }

    private static void Section(TextWriter stdout, string title, IReadOnlyList<(string Label, long Count)> rows)
    {
        stdout.WriteLine();
        stdout.WriteLine(title);
        foreach (var (label, count) in rows)
        {
            stdout.WriteLine($"  {label,-24} {count,7}");
        }
    }
}
