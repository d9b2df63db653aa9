using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>
/// `load URL [--clients 32] [--seconds 30] [--pid PID]`: a bounded load run against a running `pipeline serve`
/// on 127.0.0.1. Each client loops over search, document and figure pages; the run reports requests per
/// second, latency percentiles, errors (any answer but 200, or a failed request) and, given the server's
/// process id, its peak resident memory (VmHWM). The load generator is a separate process from the server,
/// so its own work is not counted in the server's memory.
/// </summary>
internal static partial class WebLoad
{
    private static readonly string[] Queries =
    [
        "vốn đầu tư", "von dau tu", "FDI", "Bắc Ninh", "bac ninh", "thu hút dự án", "xuat khau", "lao động",
        "khu kinh tế", "doanh thu", "quý I", "nộp ngân sách", "giai ngan", "Hải Phòng", "đất công nghiệp",
    ];

    public static async Task RunAsync(string baseUrl, int clients, int seconds, int? pid)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) || !root.IsLoopback)
        {
            throw new ArgumentException($"load runs only against 127.0.0.1 (got {baseUrl})");
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = root,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var paths = await PathsAsync(http).ConfigureAwait(false);
        Console.WriteLine($"load: {clients} clients for {seconds} s over {paths.Count} pages ({paths.Count(p => p.StartsWith("/?", StringComparison.Ordinal))} searches, {paths.Count(p => p.StartsWith("/documents/", StringComparison.Ordinal))} documents, {paths.Count(p => p.StartsWith("/figures", StringComparison.Ordinal))} figure pages)");

        // Warm up: every page once, so the run measures steady state rather than first-request JIT.
        foreach (var path in paths)
        {
            using var _ = await http.GetAsync(path).ConfigureAwait(false);
        }

        var latencies = new List<double>[clients];
        var errors = new int[clients];
        var stop = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(4096);
            var i = c * 7;
            while (stop.Elapsed < end)
            {
                var path = paths[i++ % paths.Count];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(path).ConfigureAwait(false);
                    await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    if ((int)response.StatusCode != 200)
                    {
                        errors[c]++;
                    }
                }
                catch (HttpRequestException)
                {
                    errors[c]++;
                }
                catch (TaskCanceledException)
                {
                    errors[c]++;
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }))).ConfigureAwait(false);

        var elapsed = stop.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {all.Length} requests in {elapsed:0.0} s = {all.Length / elapsed:0} req/s; p50 {P(0.50):0.0} ms, p90 {P(0.90):0.0} ms, p99 {P(0.99):0.0} ms, max {all.LastOrDefault():0.0} ms; errors {errors.Sum()}"));
        if (pid is { } id && File.Exists($"/proc/{id}/status"))
        {
            var status = await File.ReadAllLinesAsync($"/proc/{id}/status").ConfigureAwait(false);
            string Field(string name) => status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?[(name.Length + 1)..].Trim() ?? "?";
            Console.WriteLine($"server memory: resident {Field("VmRSS")}, peak {Field("VmHWM")}");
        }
    }

    /// <summary>The pages to cycle through: searches, the documents their first page links to, figure pages by metric and province.</summary>
    private static async Task<List<string>> PathsAsync(HttpClient http)
    {
        var paths = new List<string>();
        var documents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var query in Queries)
        {
            var search = "/?q=" + Uri.EscapeDataString(query);
            paths.Add(search);
            var html = await http.GetStringAsync(search).ConfigureAwait(false);
            foreach (Match link in DocumentLink().Matches(html))
            {
                documents.Add(System.Net.WebUtility.HtmlDecode(link.Groups[1].Value));
            }
        }

        foreach (var document in documents.Take(40))
        {
            // /document?url=… redirects to /documents/{id}; load the page it lands on.
            using var response = await http.GetAsync(document).ConfigureAwait(false);
            paths.Add(response.RequestMessage?.RequestUri?.PathAndQuery ?? document);
        }

        foreach (var filter in new[] { "", "?metric=projects", "?metric=investment_capital", "?province=B%E1%BA%AFc+Ninh", "?from=2023&to=2024", "?metric=export_value&sort=-value" })
        {
            paths.Add("/figures" + filter);
        }

        return paths;
    }

    [GeneratedRegex("href=\"(/document[^\"]+)\"")]
    private static partial Regex DocumentLink();
}
