using Pipeline.Core;
using Pipeline.Learning.Pages;

namespace Pipeline.Learning.Tests;

public sealed class PageRowTests
{
    private const string Notice = """
        title: Thông báo lịch tiếp công dân tháng 7/2024
        date: 2024-06-28
        type: notice
        author: Văn phòng Ban
        ---
        Căn cứ Quyết định số 86/QĐ-BQL ngày 09/6/2017, Ban thông báo lịch tiếp công dân.

        Thời gian: ngày 05/7 và 19/7/2024.
        """;

    [Fact]
    public void AnArticleFileIsReadAsThePipelineReadsItsPage()
    {
        var row = PageRows.Parse("bqlkcn-x/2024-06-28-lich.txt", Notice);

        Assert.Equal(("bqlkcn-x/2024-06-28-lich.txt", "notice", "Thông báo lịch tiếp công dân tháng 7/2024"), (row.Document, row.Type, row.Title));
        // Title, date line, then the body: what DocumentExtractor.ArticleText makes of a served page. The author is not body text.
        Assert.StartsWith("Thông báo lịch tiếp công dân tháng 7/2024\nNgày đăng: 28/06/2024\n\nCăn cứ Quyết định", row.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Văn phòng Ban", row.Text, StringComparison.Ordinal);
        Assert.Contains("9/6/2017, Ban thông báo lịch tiếp công dân.\n\nThời gian:", row.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ATableKeepsOneRowALine()
    {
        var row = PageRows.Parse("b/t.txt", "title: T\ndate: 2024-01-02\ntype: report\n---\nĐầu.\n\nChỉ tiêu | 2023 | 2024\nDự án | 5 | 7\n");

        Assert.EndsWith("Đầu.\n\nChỉ tiêu | 2023 | 2024\nDự án | 5 | 7", row.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title: T\ndate: 2024-01-02\ntype: report\nNo separator.", "no \"---\" line")]
    [InlineData("title: T\ndate: 2024-01-02\n---\nBody.", "has no type")]
    [InlineData("title: T\ndate: 2024-01-02\ntype: speech\n---\nBody.", "unknown type \"speech\"")]
    public void AMalformedFileSaysWhy(string file, string message)
    {
        var e = Assert.Throws<FormatException>(() => PageRows.Parse("b/x.txt", file));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCorpusHasEveryTypeOnBothSidesOfTheSplitAndNoReadme()
    {
        Assert.Equal(Directory.GetFiles(Repo.Path("corpus", "sites", "articles"), "*.txt", SearchOption.AllDirectories).Length, Pages.Rows.Count);
        Assert.DoesNotContain(Pages.Rows, r => r.Document.Contains("README", StringComparison.Ordinal));
        Assert.All(PageTypes.All, t => Assert.Contains(Pages.Train, r => r.Type == t));
        Assert.All(PageTypes.All, t => Assert.Contains(Pages.Test, r => r.Type == t));
        Assert.Empty(Pages.Train.Select(r => r.Document).Intersect(Pages.Test.Select(r => r.Document)));
    }

    [Fact]
    public void SignalsCountFiguresDatesAndLegalReferencesPerHundredWords()
    {
        var figures = new[]
        {
            new Figure { Metric = Metric.InvestmentCapital, Measure = Measure.Level, Value = 1, Unit = "USD", Text = "x", Period = "2023" },
            new Figure { Metric = Metric.InvestmentCapital, Measure = Measure.ChangePct, Value = 1, Unit = "percent", Text = "x" },
            new Figure { Metric = Metric.Labour, Measure = Measure.Level, Value = 1, Unit = "VND/month", Text = "x" },
        };
        var text = string.Join(' ', Enumerable.Repeat("chữ", 91)) + " Nghị định số 40/2019/NĐ-CP ngày 13/5/2019 và 86/QĐ-BQL.\n\nHai.";

        var s = PageSignals.Of(text, figures);

        Assert.Equal(3f, s.FiguresPer100Words, 3);
        Assert.Equal(1f, s.MoneyPer100Words, 3);
        Assert.Equal(1f, s.RatesPer100Words, 3);
        Assert.Equal(1f, s.ComparisonsPer100Words, 3);
        Assert.Equal(1f / 3, s.PeriodShare, 3);
        Assert.Equal(2f, s.Metrics);
        Assert.Equal(1f, s.DatesPer100Words, 3);
        Assert.Equal(2f, s.LegalRefsPer100Words, 3);
        Assert.Equal(PageSignals.Count, s.Vector().Length);
        Assert.Equal(PageSignals.Count, PageSignals.Names.Count);
    }

    [Fact]
    public void NumbersAreMaskedButTheirPatternStays()
    {
        Assert.Equal("lương # đồng/tháng; Quyết định #/QĐ-BQL ngày #/#/#", PageInput.Mask("lương 4.100.000 đồng/tháng; Quyết định 86/QĐ-BQL ngày 09/6/2017"));
    }

    [Fact]
    public void TheBinaryViewCollapsesEveryOtherTypeIntoOther()
    {
        var e = MetricTrainer.Score("t", ["report", "job", "photo", "report"], ["report", "photo", "report", "job"]);

        var binary = PageTrainer.Binary(e);

        Assert.Equal([[1, 1], [1, 1]], binary.Confusion); // labels "other", "report"
        Assert.Equal(0.5, PageTrainer.Report(e).F1);
    }
}
