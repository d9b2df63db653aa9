using System.Diagnostics;
using System.Net;
using Pipeline.Web;

/// <summary>
/// The search page's time on a big index: starts the web server in this process over a kept index (built by
/// `search N --keep DIR`) on 127.0.0.1, and times search-page requests one after another over HTTP, as a browser
/// would ask them: words (accented, unaccented, Telex), a year range, a province on two in three, sorted by date
/// on one in four, the second page on one in five; facet counts and snippets as the page shows them.
/// `dotnet run -c Release --project bench/Pipeline.Benchmarks -- web DIR [N]`.
/// </summary>
public static class WebBench
{
    private const int Rounds = 3;
    private const int WarmUp = 200;

    public static async Task RunAsync(string index, int count)
    {
        if (!Directory.Exists(index))
        {
            Console.Error.WriteLine($"no index at {index}: build one first with `search 100000 --keep {index}`");
            return;
        }

        // No store: the search page reads only the index.
        var options = new WebOptions(Path.Combine(Path.GetTempPath(), "pipeline-web-bench-none", "pipeline.db"), index, "http://127.0.0.1:0");
        await using var server = WebServer.Create(options);
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.Addresses.Single()) };
        var random = new Random(11);
        var paths = Enumerable.Range(0, count + WarmUp).Select(_ => PagePath(random)).ToList();

        var bytes = 0L;
        foreach (var path in paths.Take(WarmUp))
        {
            bytes += (await Get(http, path)).Length; // JIT, filter caches, the accent vocabulary
        }

        var rounds = new List<(double P50, double P95, double P99, double Max)>();
        for (var round = 0; round < Rounds; round++)
        {
            var times = new List<double>();
            foreach (var path in paths.Skip(WarmUp))
            {
                var t = Stopwatch.GetTimestamp();
                bytes += (await Get(http, path)).Length;
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }

            times.Sort();
            double P(double q) => times[(int)Math.Min(times.Count - 1, Math.Ceiling(q * times.Count) - 1)];
            rounds.Add((P(0.50), P(0.95), P(0.99), times[^1]));
            Console.WriteLine($"  round {round + 1}: p50 {P(0.50):0.00} ms, p95 {P(0.95):0.00} ms, p99 {P(0.99):0.00} ms, max {times[^1]:0.00} ms");
        }

        double Median(Func<(double P50, double P95, double P99, double Max), double> f) => rounds.Select(f).Order().ElementAt(rounds.Count / 2);
        Console.WriteLine($"search page over HTTP on 127.0.0.1, n={count} x {Rounds} rounds, median of rounds: p50 {Median(x => x.P50):0.00} ms, p95 {Median(x => x.P95):0.00} ms, p99 {Median(x => x.P99):0.00} ms, max {Median(x => x.Max):0.00} ms; best round p50 {rounds.Min(x => x.P50):0.00} ms, p99 {rounds.Min(x => x.P99):0.00} ms");
        Console.WriteLine($"mean page size {bytes / (double)(WarmUp + count * Rounds) / 1024:0.0} KB");
        var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"memory: managed heap {GC.GetTotalMemory(true) / 1e6:0} MB, working set {process.WorkingSet64 / 1e6:0} MB");
    }

    private static async Task<string> Get(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK && html.Contains("class=\"hits\"", StringComparison.Ordinal)
            ? html
            : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} without hits");
    }

    private static string PagePath(Random random)
    {
        var from = 2015 + random.Next(8);
        return Pipeline.Web.Html.Links.To("/",
            ("q", SearchBench.Texts[random.Next(SearchBench.Texts.Length)]),
            ("province", random.Next(3) == 0 ? null : SearchBench.Provinces[random.Next(SearchBench.Provinces.Length)]),
            ("from", from.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("to", (from + random.Next(1, 4)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("sort", random.Next(4) == 0 ? "date" : null),
            ("page", random.Next(5) == 0 ? "2" : null));
    }
}
