using System.Globalization;
using Pipeline.Core;
using Pipeline.Extraction.Figures;
using Pipeline.Extraction.Numbers;

namespace Pipeline.Extraction.Tests;

public class FigureLayerTests
{
    public static TheoryData<string, string> Figures => ExampleFile.Load("figures.txt");

    [Theory]
    [MemberData(nameof(Figures))]
    public void Gives_each_figure_its_metric_measure_and_attributes(string example, string expected)
    {
        // "¶" stands for a line break, so one example line can hold a title, headings, list items and paragraphs.
        var sentence = System.Text.RegularExpressions.Regex.Replace(example, @"\s*¶\s*", "\n");
        var parts = expected.Split(' ');
        var document = DocumentExtractor.Extract("example", sentence);
        if (parts[0] == "none")
        {
            // "⇒ none VALUE UNIT": that number is not a figure here.
            var absent = decimal.Parse(parts[1], CultureInfo.InvariantCulture);
            Assert.DoesNotContain(document.Figures, f => f.Value == absent && f.Unit == parts[2]);
            return;
        }

        var value = decimal.Parse(parts[2], CultureInfo.InvariantCulture);
        var figure = document.Figures.FirstOrDefault(f => f.Value == value && f.Unit == parts[3]);
        Assert.True(figure is not null, $"no figure of {value} {parts[3]}; found: {string.Join("; ", document.Figures.Select(f => $"{f.Value} {f.Unit}"))}");
        Assert.Equal(parts[0], FigureJson.Name(figure.Metric));
        Assert.Equal(parts[1], FigureJson.Name(figure.Measure));
        foreach (var attribute in parts.Skip(4))
        {
            var (name, want) = (attribute.Split('=')[0], attribute.Split('=')[1]);
            var got = name switch
            {
                "approx" => FigureJson.Name(figure.Approx),
                "estimate" => figure.Estimate ? "true" : "false",
                "target" => figure.Target ? "true" : "false",
                "scope" => figure.Scope is { } s ? FigureJson.Name(s) : "null",
                "period" => figure.Period ?? "null",
                "rule" => figure.Rule,
                _ => throw new InvalidOperationException("unknown attribute " + name),
            };
            Assert.True(want == got, $"{name}: expected {want}, got {got} for «{figure.Text}»");
        }

        Assert.Equal(figure.Text, sentence[figure.Start..figure.End]);
        Assert.Contains(figure.Text, figure.Sentence);
        Assert.InRange(figure.Confidence, 0.0, 1.0);
        Assert.False(string.IsNullOrEmpty(figure.Rule));
    }

    public static TheoryData<string, string, decimal> RuleExamples()
    {
        var data = new TheoryData<string, string, decimal>();
        foreach (var rule in FigureRules.All)
        {
            foreach (var (text, value) in rule.Examples)
            {
                data.Add(rule.Name, text, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleExamples))]
    public void Each_rule_fires_on_its_own_examples(string name, string text, decimal value)
    {
        var rule = FigureRules.All.Single(r => r.Name == name);
        var figures = DocumentExtractor.Extract("example", text).Figures;
        if (rule.Kind == RuleKind.NotAFigure)
        {
            Assert.DoesNotContain(figures, f => f.Value == value);
            Assert.True(Fired(text).Any(f => f.Rule == rule && f.Quantity.Value == value), $"rule {name} should set {value} aside in «{text}»");
            return;
        }

        var figure = figures.FirstOrDefault(f => f.Value == value);
        Assert.True(figure is not null, $"no figure of {value} in «{text}»");
        var part = figure.Rule.Split('+')[rule.Kind == RuleKind.Metric ? 0 : 1];
        Assert.True(rule.Names(part), $"rule {name} should decide {value}, but {figure.Rule} did");
    }

    /// <summary>
    /// The extractor takes the first row that applies, so a row whose own first example is decided by an earlier
    /// row can never fire: it is shadowed. Each row's first example must fire that very row (not only its family).
    /// </summary>
    [Fact]
    public void Every_rule_of_the_tables_is_reachable_by_its_first_example()
    {
        var shadowed = new List<string>();
        foreach (var rule in FigureRules.All)
        {
            var (text, value) = rule.Examples[0];
            var fired = Fired(text).Where(f => (f.Figure?.Value ?? f.Quantity.Value) == value).ToList();
            if (!fired.Any(f => ReferenceEquals(f.Rule, rule)))
            {
                shadowed.Add($"{rule.Name}: «{text}» {value} fired {string.Join(", ", fired.Select(f => f.Rule.Name))}");
            }
        }

        Assert.Empty(shadowed);
    }

    /// <summary>
    /// The tier the combination with the model reads (<see cref="MetricTiers.Of"/>) is the tier of the row that decided
    /// the metric, for every metric row and revision: a rule renamed or added carries its tier with it.
    /// </summary>
    [Fact]
    public void A_figures_tier_is_the_tier_of_the_metric_row_that_decided_it()
    {
        var wrong = new List<string>();
        foreach (var rule in FigureRules.Metric.Where(r => r.Kind == RuleKind.Metric).Cast<FigureRule>().Concat(FigureRules.MetricRevisions))
        {
            var (text, value) = rule.Examples[0];
            var figure = DocumentExtractor.Extract("example", text).Figures.First(f => f.Value == value);
            var expected = rule switch
            {
                MetricRule row => figure.Measure == Measure.SharePct && row.ShareTier is { } share ? share : row.Tier,
                MetricRevision revision => revision.Tier,
                _ => double.NaN,
            };
            if (MetricTiers.Of(figure) != expected)
            {
                wrong.Add($"{rule.Name}: {figure.Rule} gives {MetricTiers.Of(figure)}, the row says {expected}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Rule_names_are_unique_and_every_rule_has_an_example()
    {
        var names = FigureRules.All.Select(r => r.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(FigureRules.All, r => Assert.NotEmpty(r.Examples));
        Assert.True(names.Count >= 35, $"the tables shrank to {names.Count} rules");
    }

    [Fact]
    public void The_last_row_of_each_table_applies_whatever_the_number_so_every_figure_has_a_rule()
    {
        // A percentage and an amount with nothing around them: the catch-all rows decide.
        var figures = DocumentExtractor.Extract("x", "Con số là 45% và 120 tỷ đồng.").Figures;
        Assert.Contains(figures, f => f.Rule == "no-cue+percent-default");
        Assert.Contains(figures, f => f.Rule.EndsWith("+level", StringComparison.Ordinal));
        Assert.Equal("no-cue", FigureRules.Metric[^1].Name);
        Assert.Equal("level", FigureRules.Measure[^1].Name);
    }

    /// <summary>FIGURES.md "Scope carries": a section's scope ends at the next numbered heading, whatever its words, and at a
    /// sentence that names another scope; a project owner's scope crosses paragraphs until the zones' figures begin.</summary>
    [Fact]
    public void Section_and_owner_scopes_end_where_the_text_moves_on()
    {
        var report = DocumentExtractor.Extract("x", "Báo cáo 11 tháng năm 2019\n\n2. Đầu tư trong nước\n\nLũy kế có 724 dự án trong nước với tổng vốn đăng ký 104.382 tỷ đồng.\n\n"
            + "II. SẢN XUẤT KINH DOANH\n\nDoanh thu của doanh nghiệp KCN ước đạt 25,86 tỷ USD, tăng 11,2% so với cùng kỳ.\n").Figures;
        Assert.Equal(Scope.Domestic, report.Single(f => f.Value == 104_382_000_000_000m).Scope);
        Assert.Null(report.Single(f => f.Value == 25_860_000_000m).Scope);

        var sections = DocumentExtractor.Extract("x", "Báo cáo 6 tháng năm 2025\n\nKhu vực trong nước:\n- Nộp ngân sách 812 tỷ đồng.\n\n"
            + "Riêng tháng 6: các KCN cấp mới 4 dự án FDI với vốn 73,6 triệu USD.\n\nTính đến ngày 30/6/2025, tổng số lao động làm việc trong các KCN là 96.214 người.\n").Figures;
        Assert.Equal(Scope.Domestic, sections.Single(f => f.Value == 812_000_000_000m).Scope);
        Assert.Null(sections.Single(f => f.Value == 96_214m).Scope);

        var ceremony = DocumentExtractor.Extract("x", "Trao giấy chứng nhận cho nhà máy bao bì\n\nNgày 13/8/2019, Ban trao Giấy chứng nhận đăng ký đầu tư cho "
            + "Công ty TNHH Greenpack Việt Nam, doanh nghiệp do nhà đầu tư Hàn Quốc thành lập.\n\nDự án có tổng vốn đầu tư 85 triệu đô (tương đương 1.975 tỷ đồng), "
            + "diện tích 12,5 ha.\n\nTính từ đầu năm đến ngày 12/8/2019, Ban đã cấp mới 47 dự án với tổng vốn 9.850 tỷ đồng.\n").Figures;
        Assert.Equal(Scope.Fdi, ceremony.Single(f => f.Value == 85_000_000m).Scope);
        Assert.Equal(Scope.Fdi, ceremony.Single(f => f.Value == 1_975_000_000_000m).Scope);
        Assert.Null(ceremony.Single(f => f.Value == 12.5m).Scope);
        Assert.Null(ceremony.Single(f => f.Value == 9_850_000_000_000m).Scope);
    }

    /// <summary>Every rule that fired for each quantity of a text, read the way <see cref="DocumentExtractor"/> reads it.</summary>
    private static List<RuleFiring> Fired(string text)
    {
        var (prepared, metadata) = DocumentExtractor.Read(text);
        var scan = QuantityRecognizer.Scan(prepared.Clean, prepared.Key);
        var year = metadata.Published is { Length: >= 4 } p && int.TryParse(p[..4], CultureInfo.InvariantCulture, out var y) ? y : 0;
        var context = DocumentPeriod.Decide(prepared, metadata, year);
        var periods = PeriodRecognizer.Find(prepared.Key, context.ReferenceYear, context.ReferenceMonth);
        var fired = new List<RuleFiring>();
        FigureExtractor.Extract(prepared.Clean, prepared.Key, prepared.Sentences, scan, periods, context, fired);
        return fired;
    }

    [Fact]
    public void Every_rule_the_extractor_names_is_in_the_rule_table()
    {
        var unnamed = new SortedSet<string>();
        foreach (var path in Directory.GetFiles(Repo.Path("corpus", "bulletins")).Where(p => p.EndsWith(".txt", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal)))
        {
            foreach (var f in DocumentExtractor.Extract(path, File.ReadAllText(path)).Figures)
            {
                var parts = f.Rule.Split('+');
                if (FigureRules.Find(RuleKind.Metric, parts[0]) is null)
                {
                    unnamed.Add(parts[0]);
                }

                if (FigureRules.Find(RuleKind.Measure, parts[1]) is null)
                {
                    unnamed.Add(parts[1]);
                }
            }
        }

        Assert.Empty(unnamed);
    }

    [Fact]
    public void A_figure_without_any_cue_is_marked_unsure()
    {
        var figure = Assert.Single(DocumentExtractor.Extract("x", "Năm 2023 con số này là 45% theo báo cáo.").Figures);
        Assert.Equal(Metric.Other, figure.Metric);
        Assert.True(figure.Confidence < 0.5);
    }

    [Fact]
    public void The_same_figure_in_headline_and_body_counts_once_with_the_bodys_wording()
    {
        var text = "Ban Quản lý các KCN tỉnh phấn đấu tổng sản phẩm năm 2022 đạt trên 1.500 tỷ đồng\n\n"
                   + "Phấn đấu năm 2022, giá trị tổng sản phẩm ước đạt trên 1.500 tỷ đồng; đóng góp ngân sách ước đạt 30 tỷ đồng cho địa phương trong năm tới.";
        var figures = DocumentExtractor.Extract("x", text).Figures.Where(f => f.Value == 1_500_000_000_000m).ToList();
        var figure = Assert.Single(figures);
        Assert.True(figure.Estimate);
        Assert.True(figure.Target);
    }
}

/// <summary>A quantity the sentence splitter cuts in two (an abbreviation's point read as a full stop) is still read, never a crash.</summary>
public sealed class SplitQuantityTests
{
    [Theory]
    [InlineData("Rs. 20", 20)]
    [InlineData("Giá thuê đất Rs. 20 mỗi m2.", 20)]
    [InlineData("Tổng vốn Rs. 30 triệu. Năm 2023 có 5 dự án.", 5)]
    public void AQuantityAcrossASentenceSplitIsReadWithinItsNumbersSentence(string text, int value)
    {
        var document = DocumentExtractor.Extract("-", text);
        Assert.All(document.Figures, f => Assert.InRange(f.Start, 0, f.End));
        Assert.Contains(document.Figures, f => f.Value == value);
    }
}
