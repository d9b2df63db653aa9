using Microsoft.ML;
using Pipeline.Core;
using Pipeline.Extraction;
using Pipeline.Learning.Combining;
using Xunit.Abstractions;

namespace Pipeline.Learning.Tests;

/// <summary>Rules and model together: who decides a figure's metric, and what the figure then says about it.</summary>
public sealed class CombiningTests(ITestOutputHelper output)
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
        var refiner = new FigureRefiner(c => { seen.Add(c); return ("revenue", 0.91); }, Policy);

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
        var refiner = new FigureRefiner(_ => throw new InvalidOperationException("the model was asked"), new CombinePolicy(0.5, 0.6));
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

    /// <summary>
    /// How far the product's rules + model may drift from the card before the card no longer describes it. The card's rules
    /// figures are the rules as they stood at training; other rule edits move them a little (a figure or two of 509 test
    /// figures is 0.002 to 0.01 of macro-F1), which needs no retraining: the model learnt nothing from the rules.
    /// </summary>
    private const double Drift = 0.02;

    [Fact]
    public void TheShippedModelAndPolicyHelpTheCurrentRulesAsTheCardSays()
    {
        var card = Cards.Of("metric-classifier.zip");
        var (rows, _, _) = Corpus.Rows;
        var (_, test) = DocumentSplit.Split(rows);
        var rules = MetricTrainer.Score("rules", test.Select(r => r.Metric).ToList(), test.Select(r => r.RulesMetric).ToList());
        var model = test.Select(r => ShippedModels.Metric.Predict(r.Context)).ToList();

        var (combined, byModel) = CombinedEvaluation.Metric(test, model, ShippedModels.Policy);

        output.WriteLine($"current rules {rules.MacroF1:0.000} (card {card[ModelScores.Rules].MacroF1:0.000}); rules + model {combined.MacroF1:0.000} (card {card[ModelScores.Combined].MacroF1:0.000}); model decided {byModel}");
        // Never worse than the rules alone: the model only takes figures the rules have no sure rule for, and only when it is sure.
        Assert.True(combined.MacroF1 >= rules.MacroF1 - 0.005, $"rules + model {combined.MacroF1:0.000} < rules alone {rules.MacroF1:0.000}");
        Assert.InRange(combined.MacroF1, card[ModelScores.Combined].MacroF1 - Drift, 1);
        Assert.Equal(card.TestRows, test.Count);
    }

    [Fact]
    public void ThePolicyIsTunedOnTheTrainSplitAloneAndDeterministically()
    {
        var (rows, _, _) = Corpus.Rows;
        var (train, _) = DocumentSplit.Split(rows);
        var few = train.Where(r => DocumentSplit.Bucket(r.Document) % 3 == 0).ToList(); // a third of the train documents: quick, still every fold

        var first = PolicyTuner.Best(few, PolicyTuner.OutOfFold(few, "sdca-maxent", new MLContext(seed: MetricTrainer.Seed)));
        var second = PolicyTuner.Best(few, PolicyTuner.OutOfFold(few, "sdca-maxent", new MLContext(seed: MetricTrainer.Seed)));

        output.WriteLine($"policy on {few.Count} rows: {first.Policy}, macro-F1 {first.MacroF1:0.000}");
        Assert.Equal(first, second);
        Assert.Contains(first.Policy.RulesStand, PolicyTuner.RulesStandGrid);
        Assert.Contains(first.Policy.ModelDecides, PolicyTuner.ModelDecidesGrid);
    }
}
