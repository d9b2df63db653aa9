using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.ML;
using Pipeline.Core;
using Pipeline.Extraction;
using Pipeline.Learning.Combining;
using Xunit.Abstractions;

namespace Pipeline.Learning.Tests;

/// <summary>Rules and model together: who decides a figure's metric, and what the figure then says about it.</summary>
public sealed partial class CombiningTests(ITestOutputHelper output)
{
    private static readonly CombinePolicy Policy = new(RulesStand: 0.7, ModelDecides: 0.6);

    [Fact]
    public void SureRulesStandWhateverTheModelSays()
    {
        var verdict = RulesAndModel.Decide("export_value", 0.9, "revenue", 0.99, fits: true, Policy);
        Assert.Equal(new Verdict("export_value", 0.9, ByModel: false), verdict);
    }

    [Fact]
    public void TheModelDecidesWhereTheRulesAreWeakAndItIsSure()
    {
        var verdict = RulesAndModel.Decide("other", 0.4, "investment_capital", 0.876, fits: true, Policy);
        Assert.Equal(new Verdict("investment_capital", 0.88, ByModel: true), verdict);
    }

    [Theory]
    [InlineData("other", 0.4, "revenue", 0.55, true)] // the model is unsure too
    [InlineData("other", 0.4, "labour", 0.99, false)] // labour does not suit a sum of money
    [InlineData("none", 0.0, "projects", 0.99, true)] // the rules found no figure: nothing to label
    [InlineData("projects", 0.6, "projects", 0.99, true)] // they agree: the rules' name stays
    public void OtherwiseTheRulesKeepTheFigure(string rules, double confidence, string model, double score, bool fits)
    {
        var verdict = RulesAndModel.Decide(rules, confidence, model, score, fits, Policy);
        Assert.Equal(new Verdict(rules, confidence, ByModel: false), verdict);
    }

    [Theory]
    [InlineData(Metric.InvestmentCapital, "USD", true)]
    [InlineData(Metric.BudgetContribution, "VND", true)]
    [InlineData(Metric.Labour, "USD", false)]
    [InlineData(Metric.Projects, "project", true)]
    [InlineData(Metric.Labour, "project", false)]
    [InlineData(Metric.Revenue, "worker", false)]
    [InlineData(Metric.ExportValue, "percent", true)]
    [InlineData(Metric.OutputQuantity, "count", true)]
    [InlineData(Metric.InvestmentCapital, "count", false)]
    [InlineData(Metric.LandArea, "USD/m2", false)]
    [InlineData(Metric.Other, "USD/m2", true)]
    public void AMetricMustSuitTheUnit(Metric metric, string unit, bool fits) =>
        Assert.Equal(fits, MetricUnits.Fits(metric, unit));

    [Fact]
    public void ARefinedFigureSaysTheModelDecidedAndHowSure()
    {
        // A bare "đạt 4.500 tỷ đồng" has no metric cue the rules know: they say other, unsure; the sure project count stays theirs.
        const string text = "Năm 2023, khu kinh tế thu hút 12 dự án. Doanh nghiệp trong khu kinh tế đạt 4.500 tỷ đồng.";
        var (prepared, metadata) = DocumentExtractor.Read(text);
        var rules = DocumentExtractor.Extract("t.txt", prepared, metadata).Figures;
        var weak = rules.Where(f => f.Confidence < Policy.RulesStand).ToList();
        Assert.NotEmpty(weak);
        var seen = new List<FigureContext>();
        var refiner = new FigureRefiner((c, _) => { seen.Add(c); return ("revenue", 0.91); }, Policy);

        var refined = refiner.Refine(prepared, rules);

        Assert.Equal(rules.Count, refined.Count);
        Assert.Equal(weak.Count, seen.Count); // only unsure figures are shown to the model
        for (var i = 0; i < rules.Count; i++)
        {
            var (before, after) = (rules[i], refined[i]);
            output.WriteLine($"{before.Text}: {before.Metric}@{before.Confidence} {before.Rule} -> {after.Metric}@{after.Confidence} {after.Rule}");
            if (before.Confidence >= Policy.RulesStand || !MetricUnits.Fits(Metric.Revenue, before.Unit) || before.Metric == Metric.Revenue)
            {
                Assert.Equal(before, after);
            }
            else
            {
                Assert.Equal(before with { Metric = Metric.Revenue, Confidence = 0.91, Rule = "model" }, after);
            }
        }

        Assert.Contains(refined, f => f.Rule == "model");
    }

    [Fact]
    public void SureDocumentsNeverAskTheModel()
    {
        var (prepared, metadata) = DocumentExtractor.Read("Các KCN thu hút 12 dự án mới với tổng vốn đăng ký 350 triệu USD.");
        var rules = DocumentExtractor.Extract("t.txt", prepared, metadata).Figures;
        Assert.All(rules, f => Assert.True(f.Confidence >= 0.5));
        var refiner = new FigureRefiner((_, _) => throw new InvalidOperationException("the model was asked"), new CombinePolicy(0.5, 0.6));
        Assert.Same(rules, refiner.Refine(prepared, rules));
    }

    [Fact]
    public void TheShippedPolicyIsTheCommittedFile()
    {
        var committed = CombinePolicy.FromJson(File.ReadAllText(Repo.Path("models", "combine-policy.json")));
        Assert.Equal(committed, ShippedModels.Policy);
        Assert.InRange(committed.RulesStand, 0, 1);
        Assert.InRange(committed.ModelDecides, 0, 1);
    }

    [Fact]
    public void TheExtractorVersionChangesWithTheModels()
    {
        Assert.StartsWith(DocumentExtractor.Version + "-", LearnedExtractor.Version, StringComparison.Ordinal);
        Assert.EndsWith(ShippedModels.Version, LearnedExtractor.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void RetrainingReproducesTheCardsCombinedResultAndPolicy()
    {
        var card = File.ReadAllText(Repo.Path("models", "metric-classifier.md"));
        var rules = double.Parse(CardRow("rules alone").Match(card).Groups[1].Value, CultureInfo.InvariantCulture);
        var combined = double.Parse(CardRow(@"rules \+ model").Match(card).Groups[1].Value, CultureInfo.InvariantCulture);
        var (rows, _, _) = Corpus.Rows;
        var (train, test) = DocumentSplit.Split(rows);
        var ml = new MLContext(seed: MetricTrainer.Seed);
        var model = MetricTrainer.Train(train, "sdca-maxent", ml);

        var run = CombinedRun.Measure(train, test, model, "sdca-maxent", ml);

        output.WriteLine($"policy {run.Policy}; test macro-F1 {run.Test.MacroF1:0.000} (card {combined:0.000}; rules alone {rules:0.000}); model decided {run.ByModel}");
        Assert.Equal(CombinePolicy.FromJson(File.ReadAllText(Repo.Path("models", "combine-policy.json"))), run.Policy);
        Assert.InRange(run.Test.MacroF1, combined - 0.02, combined + 0.02);
        // Never worse than the rules alone: the policy is tuned so the model only takes figures it gets right more often than the rules.
        Assert.True(run.Test.MacroF1 >= rules - 0.005, $"rules + model {run.Test.MacroF1:0.000} < rules alone {rules:0.000}");
    }

    private static Regex CardRow(string name) => new($@"^\| {name} \| ([0-9.]+) \|", RegexOptions.Multiline);
}
