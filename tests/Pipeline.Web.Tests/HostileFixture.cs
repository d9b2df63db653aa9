using Pipeline.Application;
using Pipeline.Core;
using Pipeline.Storage;

namespace Pipeline.Web.Tests;

/// <summary>
/// A fresh store and index holding one document written to attack the pages: its title, board, body and
/// figure sentences carry a script element, an attribute break-out with an image whose error handler
/// runs script, and a <c>javascript:</c> source URL. Saved as a run would save it (DocumentStore.Save,
/// then Searches.IndexStore), with a server started over it.
/// </summary>
public sealed class HostileFixture : IAsyncLifetime
{
    public const string Script = "<script>alert(1)</script>";
    public const string BreakOut = "\"><img src=x onerror=alert(2)>";
    public const string JavascriptUrl = "javascript:alert(3)";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pipeline-hostile-" + Guid.NewGuid().ToString("N")[..8]);
    private WebServer? _server;

    public string BaseUrl { get; private set; } = "";

    public long DocumentId { get; private set; }

    public StoredDocument Document { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = Path.Combine(_folder, "pipeline.db");
        var index = Path.Combine(_folder, "index");
        var body =
            $"Năm 2023, các khu công nghiệp thu hút 12 dự án FDI {Script} với tổng vốn đăng ký 350 triệu USD.\n" +
            $"{BreakOut} Kim ngạch xuất khẩu đạt 1.250 triệu USD, tăng 12% so với cùng kỳ.\n" +
            $"Xem <a href=\"{JavascriptUrl}\">báo cáo</a> tại {JavascriptUrl} script.";
        var sentences = body.Split('\n');
        Figure At(string text, Metric metric, Measure measure, decimal value, string unit, int line)
        {
            var start = body.IndexOf(text, StringComparison.Ordinal);
            return new Figure
            {
                Metric = metric,
                Measure = measure,
                Value = value,
                Unit = unit,
                Period = "2023",
                Text = text,
                Start = start,
                End = start + text.Length,
                Sentence = sentences[line],
                Confidence = 0.9,
                Rule = $"hostile {Script}",
            };
        }

        using (var store = DocumentStore.Open(database))
        {
            store.Save([new StoredDocument
            {
                Url = JavascriptUrl,
                Site = "hostile",
                PageHash = "0",
                FetchedAt = DateTimeOffset.UtcNow,
                ProcessedAt = DateTimeOffset.UtcNow,
                ExtractorVersion = "test",
                Title = $"Báo cáo {Script} {BreakOut}",
                Published = "2024-01-15",
                Board = $"Ban Quản lý {BreakOut}",
                Province = "Bắc Ninh",
                Period = "2023",
                Text = body,
                PageType = "report",
                PageTypeScore = 0.9,
                Figures =
                [
                    At("12 dự án", Metric.Projects, Measure.Level, 12, Units.Project, 0),
                    At("350 triệu USD", Metric.InvestmentCapital, Measure.Level, 350_000_000, Units.Usd, 0),
                    At("1.250 triệu USD", Metric.ExportValue, Measure.Level, 1_250_000_000, Units.Usd, 1),
                    At("12%", Metric.ExportValue, Measure.ChangePct, 12, Units.Percent, 1),
                ],
            }]);
            store.RebuildFacts();
            Document = store.Documents().Single();
            DocumentId = Document.Id;
        }

        Searches.IndexStore(database, index);
        (_server, BaseUrl) = await WebFixture.StartAsync(new WebOptions(database, index, "http://127.0.0.1:0"));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a reader may still hold a file for a moment; the temp folder is cleaned by the system
        }
    }
}
