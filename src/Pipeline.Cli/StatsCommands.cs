using System.Text.Json;
using Pipeline.Application;
using Pipeline.Core;

namespace Pipeline.Cli;

/// <summary>`pipeline stats`: what the store holds, by province, year, page type and metric; each source's last crawl and failures; conflicting facts.</summary>
public static class StatsCommands
{
    public static int Stats(string database, bool json, TextWriter stdout, TextWriter stderr) => Usage.Handle(stderr, () =>
    {
        var stats = StoreStats.Read(database);
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(
                new
                {
                    documents = stats.Documents,
                    figures = stats.Figures,
                    by_province = stats.ByProvince.ToDictionary(x => x.Label, x => x.Value),
                    by_year = stats.ByYear.ToDictionary(x => x.Label, x => x.Value),
                    by_metric = stats.ByMetric.ToDictionary(x => x.Label, x => x.Value),
                    by_page_type = stats.ByPageType.ToDictionary(x => x.Label, x => x.Value),
                    sources = stats.Sources.Select(s => new { site = s.Site, last_fetch = s.LastFetch, requests_logged = s.Requests, last_run_failures = s.Failures }),
                    conflicts = stats.Conflicts.Select(c => new { fact = c.Fact, reports = c.Reports.Select(r => new { url = r.Url, value = r.Value }) }),
                },
                WireJson.SummaryIndented));
            return 0;
        }

        stdout.WriteLine($"{stats.Documents} documents, {stats.Figures} figures in {database}");
        Section(stdout, "documents by province", stats.ByProvince);
        Section(stdout, "documents by year", stats.ByYear);
        Section(stdout, "documents by page type", stats.ByPageType);
        Section(stdout, "figures by metric", stats.ByMetric);
        stdout.WriteLine();
        stdout.WriteLine("sources: last fetch, requests logged, failures in the last run");
        foreach (var (site, last, pages, failures) in stats.Sources)
        {
            stdout.WriteLine($"  {site,-24} {last}  {pages,7}  {(failures.Length == 0 ? "none" : failures)}");
        }

        stdout.WriteLine();
        stdout.WriteLine($"facts reported differently by different documents ({stats.Conflicts.Count} shown)");
        foreach (var (key, reports) in stats.Conflicts)
        {
            stdout.WriteLine($"  {key}");
            foreach (var (url, value) in reports)
            {
                stdout.WriteLine($"      {value,20}  {url}");
            }
        }

        return 0;
    });

    private static void Section(TextWriter stdout, string title, IReadOnlyList<Count> rows)
    {
        stdout.WriteLine();
        stdout.WriteLine(title);
        foreach (var (label, count) in rows)
        {
            stdout.WriteLine($"  {label,-24} {count,7}");
        }
    }
}
