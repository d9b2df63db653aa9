using Microsoft.Data.Sqlite;
using Pipeline.Crawling.Fetching;

namespace Pipeline.Crawling.State;

/// <summary>
/// One source's health in its last crawl run: when it ran, how many requests it made and what came of
/// them, and how many of its pages the store holds. Times are stored stamps (ISO 8601, UTC).
/// </summary>
/// <param name="Site">The source's name.</param>
/// <param name="Title">The board's name as the crawl last recorded it; null for a source crawled before sources were recorded.</param>
/// <param name="Province">The board's province (empty for a newspaper); null when unrecorded.</param>
/// <param name="Run">The last run that fetched from this source; null when it never fetched anything.</param>
/// <param name="RunStarted">When that run started.</param>
/// <param name="RunFinished">When that run finished; null while it is unfinished (running, or killed and waiting to resume).</param>
/// <param name="LastFetch">The source's last logged request, in any run.</param>
/// <param name="Requests">Log lines of that run for this source (robots.txt included).</param>
/// <param name="Fetched">Pages fetched with content (robots.txt not counted).</param>
/// <param name="Unchanged">Pages the server said were unchanged (304).</param>
/// <param name="RobotsBlocked">URLs not fetched because robots.txt disallows them (or could not be read).</param>
/// <param name="Failed">Requests that failed any other way.</param>
/// <param name="Failures">The failures by outcome, e.g. "NotFound 2, Timeout 1"; empty when none.</param>
/// <param name="StoredPages">Pages of this source the store holds, from every run.</param>
public sealed record SiteHealth(
    string Site,
    string? Title,
    string? Province,
    long? Run,
    string? RunStarted,
    string? RunFinished,
    string? LastFetch,
    long Requests,
    long Fetched,
    long Unchanged,
    long RobotsBlocked,
    long Failed,
    string Failures,
    long StoredPages);

/// <summary>The crawl tables read for a health view, by a reader beside a running crawl.</summary>
public sealed partial class CrawlStore
{
    /// <summary>The robots outcomes: a URL robots.txt disallows, or any URL of a host whose robots.txt could not be read.</summary>
    private static readonly string[] RobotsOutcomes = ["BlockedByRobots", nameof(FetchOutcome.Disallowed)];

    /// <summary>
    /// Opens an existing store's crawl tables for reading only: nothing is created, migrated or written, and
    /// a crawl in another process is not blocked. Null when the store holds no crawl tables (it was never crawled).
    /// </summary>
    public static CrawlStore? OpenReadOnly(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such database", path);
        }

        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        Execute(db, "PRAGMA busy_timeout = 5000; PRAGMA query_only = ON;");
        using var probe = db.CreateCommand();
        probe.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('fetch_log', 'frontier', 'pages', 'runs', 'crawl_sources')";
        if (Convert.ToInt64(probe.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) < 5)
        {
            db.Dispose();
            return null;
        }

        return new CrawlStore(db);
    }

    /// <summary>Every source the crawl knows (recorded, or seen in the fetch log), with its last run's health, by name.</summary>
    public IReadOnlyList<SiteHealth> SiteHealth()
    {
        lock (_lock)
        {
            using var select = Command(
                """
                WITH sites AS (SELECT site FROM fetch_log UNION SELECT name FROM crawl_sources),
                     last AS (SELECT s.site, (SELECT MAX(run) FROM fetch_log f WHERE f.site = s.site) run FROM sites s)
                SELECT l.site, c.title, c.province, l.run, r.started, r.finished,
                       (SELECT MAX(at) FROM fetch_log f WHERE f.site = l.site),
                       COUNT(f.id),
                       COALESCE(SUM(f.outcome = $ok AND f.kind <> $robots), 0),
                       COALESCE(SUM(f.outcome = $unchanged), 0),
                       COALESCE(SUM(f.outcome IN ($blocked, $disallowed)), 0),
                       COALESCE(SUM(f.outcome NOT IN ($ok, $unchanged, $blocked, $disallowed)), 0),
                       COALESCE((SELECT group_concat(outcome || ' ' || n, ', ') FROM
                           (SELECT outcome, COUNT(*) n FROM fetch_log x WHERE x.site = l.site AND x.run = l.run
                              AND outcome NOT IN ($ok, $unchanged, $blocked, $disallowed) GROUP BY outcome ORDER BY n DESC, outcome)), ''),
                       (SELECT COUNT(*) FROM pages p WHERE p.site = l.site)
                FROM last l
                LEFT JOIN crawl_sources c ON c.name = l.site
                LEFT JOIN runs r ON r.id = l.run
                LEFT JOIN fetch_log f ON f.site = l.site AND f.run = l.run
                GROUP BY l.site ORDER BY l.site
                """);
            select.Parameters.AddWithValue("$ok", nameof(FetchOutcome.Ok));
            select.Parameters.AddWithValue("$unchanged", nameof(FetchOutcome.NotModified));
            select.Parameters.AddWithValue("$blocked", RobotsOutcomes[0]);
            select.Parameters.AddWithValue("$disallowed", RobotsOutcomes[1]);
            select.Parameters.AddWithValue("$robots", nameof(PageKind.Robots));
            using var reader = select.ExecuteReader();
            var result = new List<SiteHealth>();
            while (reader.Read())
            {
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                result.Add(new SiteHealth(
                    reader.GetString(0), Text(1), Text(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), Text(4), Text(5), Text(6),
                    reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11), reader.GetString(12), reader.GetInt64(13)));
            }

            return result;
        }
    }
}
