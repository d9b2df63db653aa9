using System.Text;
using Pipeline.Cli;
using Pipeline.Core;
using Pipeline.Storage;

namespace Pipeline.Export.Tests;

/// <summary>A small database of three documents (one with a table), in a temporary folder that goes away with it.</summary>
public sealed class Fixture : IDisposable
{
    public const string Sentence = "Vốn đầu tư đạt \"khoảng\" 689,7 triệu USD,\r\nvà 2.599,5 tỷ đồng\ntăng 19%.";

    public Fixture()
    {
        Folder = Directory.CreateTempSubdirectory("pipeline-export-").FullName;
        Database = Path.Combine(Folder, "pipeline.db");
        using var store = DocumentStore.Open(Database);
        store.Save(Documents);
    }

    public string Folder { get; }

    public string Database { get; }

    public static IReadOnlyList<StoredDocument> Documents { get; } =
    [
        new()
        {
            Url = "http://bqlkcn.binhduong.gov.vn/tin/2023-06-30-so-ket",
            Site = "bqlkcn-binh-duong",
            PageHash = "aa11",
            FetchedAt = new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
            ProcessedAt = new DateTimeOffset(2024, 1, 2, 3, 5, 0, TimeSpan.Zero),
            ExtractorVersion = "x1",
            Title = "Sơ kết 6 tháng đầu năm 2023",
            Published = "2023-06-30",
            PublishedFrom = "date-line",
            Board = "Ban Quản lý các KCN tỉnh Bình Dương",
            Province = "Bình Dương",
            Period = "2023-H1",
            Text = "Sơ kết.\n\n" + Sentence,
            Attachments = [new StoredAttachment("http://bqlkcn.binhduong.gov.vn/bao-cao.pdf", "Báo cáo \"sơ kết\"")],
            PageType = "report",
            PageTypeScore = 0.98,
            Figures =
            [
                Figure(Metric.InvestmentCapital, Measure.Level, 689_700_000m, "USD") with { Approx = Approx.About, Scope = Scope.Fdi, Period = "2023-H1", Confidence = 0.97 },
                Figure(Metric.InvestmentCapital, Measure.Level, 2_599_500_000_000m, "VND") with { Estimate = true },
                Figure(Metric.InvestmentCapital, Measure.ChangePct, 19m, "percent") with { Target = true, Confidence = 0.5 },
            ],
        },
        new()
        {
            Url = "https://dhz.danang.gov.vn/tong-ket-2020",
            Site = "dhz-da-nang",
            PageHash = "bb22",
            FetchedAt = new DateTimeOffset(2023, 5, 6, 7, 8, 9, TimeSpan.Zero),
            ProcessedAt = new DateTimeOffset(2023, 5, 6, 7, 9, 0, TimeSpan.Zero),
            ExtractorVersion = "x1",
            Title = "Tổng kết, \"năm 2020\"",
            Published = "2020-12-30",
            Province = "Đà Nẵng",
            Text = "Giảm 38.333 lao động; 2-3 dự án.",
            PageType = "event",
            PageTypeScore = 0.5625,
            Tables =
            [
                new(1, 1, 1, StoredTableCell.HeaderKind, null, null, "KCN", 40, 43),
                new(1, 1, 2, StoredTableCell.HeaderKind, null, null, "Số dự án", 46, 54),
                new(1, 2, 1, StoredTableCell.SectionKind, null, null, "I. Dự án FDI", 55, 67),
                new(1, 3, 1, StoredTableCell.RowKind, "KCN", "KCN Hòa Khánh", "KCN Hòa Khánh", 68, 81),
                new(1, 3, 2, StoredTableCell.RowKind, "Năm 2020 › Số dự án", "KCN Hòa Khánh", "2-3", 84, 87),
                new(2, 1, 1, StoredTableCell.RowKind, null, null, "=1", 90, 92),
            ],
            Figures =
            [
                Figure(Metric.Labour, Measure.Change, -38_333m, "worker"),
                Figure(Metric.Projects, Measure.Level, 2m, "project") with { ValueMax = 3m, Subject = "KCN Hòa Khánh" },
                Figure(Metric.ProductionValue, Measure.Level, 999_999_999_999_999.123456m, "VND"),
                Figure(Metric.Other, Measure.PctOfSamePeriod, 98.52m, "percent") with { Text = "=98,52%" },
            ],
        },
        new()
        {
            Url = "https://example.vn/khong-so",
            Site = "khac",
            PageHash = "cc33",
            FetchedAt = new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero),
            ExtractorVersion = "x1",
            Text = "Không có số liệu.",
        },
    ];

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>Runs the command body as the CLI does; returns the exit code and both streams.</summary>
    public async Task<(int Code, string Out, string Err)> Export(string format, string? folder, string? since = null, string? province = null, string? database = null, bool json = false)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await ExportCommands.Export(new ExportOptions(format, folder, since, province, database ?? Database, Json: json), stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public string Out(string name) => Path.Combine(Folder, name);

    /// <summary>The repository's docs/dataset.md.</summary>
    public static string DatasetDoc()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
        {
            dir = dir.Parent;
        }

        return File.ReadAllText(Path.Combine(dir!.FullName, "docs", "dataset.md"), Encoding.UTF8);
    }

    private static Figure Figure(Metric metric, Measure measure, decimal value, string unit) => new()
    {
        Metric = metric,
        Measure = measure,
        Value = value,
        Unit = unit,
        Text = "689,7 triệu USD",
        Sentence = Sentence,
        Start = 9,
        End = 24,
        Confidence = 0.9,
        Rule = "capital.total",
    };
}
