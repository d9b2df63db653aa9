using Pipeline.Extraction;

namespace Pipeline.Learning.Tests;

public sealed class RowTests
{
    [Fact]
    public void ContextMasksNumbersAndStopsAtASemicolon()
    {
        var c = TrainingRows.Around("Năm 2023 có 39 dự án; vốn đăng ký đạt 1.023,6 triệu USD, tăng 12%.", "1.023,6 triệu USD", "USD");

        Assert.Equal("vốn đăng ký đạt", c.Before);
        Assert.Equal("# triệu usd", c.Figure);
        Assert.Equal("tăng #%", c.After);
        Assert.Equal("đạt", c.Qualifier);
        Assert.Equal(["dự_án", "vốn_đăng_ký"], c.Cues.Split(' '));
    }

    [Fact]
    public void TheCuesAreTheFiguresLayersOwnTable()
    {
        // Every metric cue phrase of Pipeline.Extraction.Figures.Cues, standing in a sentence, is a cue the model reads; no other list exists.
        foreach (var phrase in Pipeline.Extraction.Figures.Cues.Metrics.Select(c => c.Phrase).Distinct())
        {
            var c = TrainingRows.Around($"Trong năm, {phrase} đạt 12 tỷ đồng.", "12 tỷ đồng", "VND");

            Assert.Contains(phrase.Replace(' ', '_'), c.Cues.Split(' '));
        }

        // Matched as the rules match: case and tone placement folded ("Thuỷ"/"Thủy"), whole words only ("vốn" is not in "vốnx").
        Assert.Equal("kim_ngạch_xuất_khẩu", TrainingRows.Around("KIM NGẠCH XUẤT KHẨU đạt 3 tỷ USD.", "3 tỷ USD", "USD").Cues);
        Assert.Equal("", TrainingRows.Around("Khoản vốnx đạt 3 tỷ USD.", "3 tỷ USD", "USD").Cues);
    }

    [Fact]
    public void GoldFiguresAreFoundInReadingOrder()
    {
        var text = PreparedText.From("Thu hút 5 dự án, vốn 10 triệu USD. Lũy kế có 5 dự án và 20 triệu USD.");
        var gold = new[]
        {
            new GoldFigure("5 dự án", "projects", "level", "project"),
            new GoldFigure("10 triệu USD", "investment_capital", "level", "USD"),
            new GoldFigure("5 dự án", "projects", "level", "project"),
            new GoldFigure("7 lao động", "labour", "level", "worker"),
        };

        var (rows, missing) = TrainingRows.FromDocument("d.txt", text, gold);

        Assert.Equal(1, missing);
        Assert.Equal(3, rows.Count);
        Assert.Equal("lũy kế có", rows[2].Context.Before); // the second "5 dự án", not the first again
    }

    [Fact]
    public void CorpusGivesARowForNearlyEveryGoldFigure()
    {
        var (rows, gold, missing) = Corpus.Rows;
        Assert.True(gold >= 900, $"{gold} gold figures");
        Assert.Equal(gold - missing, rows.Count);
        Assert.True(missing <= gold / 50, $"{missing} of {gold} gold figures not found in their text");
    }

    [Fact]
    public void SplitKeepsEveryDocumentOnOneSide()
    {
        var (rows, _, _) = Corpus.Rows;
        var (train, test) = DocumentSplit.Split(rows);
        var trainDocs = train.Select(r => r.Document).ToHashSet();
        var testDocs = test.Select(r => r.Document).ToHashSet();

        Assert.Empty(trainDocs.Intersect(testDocs));
        Assert.Equal(rows.Count, train.Count + test.Count);
        Assert.InRange((double)testDocs.Count / (trainDocs.Count + testDocs.Count), 0.15, 0.40);
    }

    [Fact]
    public void RulesMetricComesFromTheOverlappingRulesFigure()
    {
        var text = PreparedText.From("Thu hút 5 dự án, vốn 10 triệu USD.");
        var (rows, _) = TrainingRows.FromDocument("d.txt", text, [new GoldFigure("10 triệu USD", "investment_capital", "level", "USD")], DocumentExtractor.Extract("d.txt", text.Clean).Figures);

        Assert.Equal(("investment_capital", "level"), (rows.Single().RulesMetric, rows.Single().RulesMeasure));
        Assert.Equal(("none", "none", 0.0), TrainingRows.RulesAt([], 0, 5));
    }

    [Fact]
    public void SplitIsAStableHashOfTheName()
    {
        // FNV-1a is fixed by definition; these buckets must never change, or the committed metrics would stop meaning anything.
        Assert.Equal(DocumentSplit.Bucket("a01-bac-ninh-tong-ket-2018.txt"), DocumentSplit.Bucket("a01-bac-ninh-tong-ket-2018.txt"));
        Assert.True(DocumentSplit.IsTest("a01-bac-ninh-tong-ket-2018.txt"));
    }

    [Fact]
    public void ScoreCountsPerClass()
    {
        var e = MetricTrainer.Score("t", ["a", "a", "b", "b"], ["a", "b", "b", "b"]);

        Assert.Equal(0.75, e.Accuracy);
        var a = e.Classes.Single(c => c.Metric == "a");
        Assert.Equal((1.0, 0.5), (a.Precision, a.Recall));
        var b = e.Classes.Single(c => c.Metric == "b");
        Assert.Equal((2.0 / 3, 1.0), (b.Precision, b.Recall));
        Assert.Equal([[1, 1], [0, 2]], e.Confusion);
    }
}
