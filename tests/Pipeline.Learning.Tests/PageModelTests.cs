using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Learning.Pages;
using Xunit.Abstractions;

namespace Pipeline.Learning.Tests;

/// <summary>The labelled pages, read once for all tests (reading 217 articles takes a second or two).</summary>
public static class Pages
{
    private static readonly Lazy<IReadOnlyList<PageRow>> Read = new(() => PageRows.FromFolder(Repo.Path("corpus", "sites", "articles")));

    public static IReadOnlyList<PageRow> Rows => Read.Value;

    public static IReadOnlyList<PageRow> Train => Rows.Where(r => !DocumentSplit.IsTest(r.Document)).ToList();

    public static IReadOnlyList<PageRow> Test => Rows.Where(r => DocumentSplit.IsTest(r.Document)).ToList();

    /// <summary>Pages written for the tests (Pages/*.txt beside this file), in other boards and other words than the corpus.</summary>
    public static IReadOnlyList<PageRow> Unseen { get; } = Directory.GetFiles(Repo.Path("tests", "Pipeline.Learning.Tests", "Pages"), "*.txt")
        .Order(StringComparer.Ordinal)
        .Select(f => PageRows.Parse(Path.GetFileName(f), File.ReadAllText(f)))
        .ToList();
}

/// <summary>The committed models/page-classifier.zip: it loads fast, types unseen pages, and retraining reproduces its card.</summary>
public sealed partial class PageModelTests(ITestOutputHelper output)
{
    private static readonly string Zip = Repo.Path("models", "page-classifier.zip");

    /// <summary>The bars for the unseen pages, set before they were first classified: types right, and report-or-not right.</summary>
    private const double TypeBar = 0.75;

    private const double BinaryBar = 0.90;

    /// <summary>How far a retrained model's macro-F1 may be from the card's (training is deterministic, so in practice 0).</summary>
    private const double Tolerance = 0.02;

    [Fact]
    public void LoadsInUnderASecond()
    {
        var page = Pages.Unseen[0];
        PageClassifier.Load(Zip).Classify(page.Title, page.Text, page.Figures); // the first load also loads ML.NET itself

        var clock = Stopwatch.StartNew();
        var classifier = PageClassifier.Load(Zip);
        var verdict = classifier.Classify(page.Title, page.Text, page.Figures);
        output.WriteLine($"load and first prediction: {clock.Elapsed.TotalSeconds:0.000} s");

        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 1);
        Assert.Contains(verdict.Type, PageTypes.All);
    }

    [Fact]
    public void TheBuiltInModelIsTheCommittedOne()
    {
        using var embedded = ShippedModels.Open("page-classifier.zip");
        using var copy = new MemoryStream();
        embedded.CopyTo(copy);

        Assert.Equal(File.ReadAllBytes(Zip), copy.ToArray());
    }

    [Fact]
    public void ClassifiesUnseenPagesAboveTheBar()
    {
        var classifier = ShippedModels.Page;
        var wrong = new List<string>();
        var binaryWrong = 0;
        Assert.True(Pages.Unseen.Count >= 15, $"{Pages.Unseen.Count} unseen pages");
        Assert.Equal(PageTypes.All.Order(StringComparer.Ordinal), Pages.Unseen.Select(p => p.Type).Distinct().Order(StringComparer.Ordinal));
        foreach (var page in Pages.Unseen)
        {
            var verdict = classifier.Classify(page.Title, page.Text);
            Assert.InRange(verdict.Score, 0, 1);
            if (verdict.Type != page.Type)
            {
                wrong.Add($"{page.Document}: {verdict.Type} {verdict.Score:0.00} (expected {page.Type})");
            }

            binaryWrong += verdict.IsReport == (page.Type == PageTypes.Report) ? 0 : 1;
        }

        var types = 1 - ((double)wrong.Count / Pages.Unseen.Count);
        var binary = 1 - ((double)binaryWrong / Pages.Unseen.Count);
        output.WriteLine($"unseen pages: {Pages.Unseen.Count - wrong.Count} of {Pages.Unseen.Count} types right, report or not {binary:0.00}\n" + string.Join('\n', wrong));
        Assert.True(types >= TypeBar, $"types {types:0.00} < {TypeBar}:\n" + string.Join('\n', wrong));
        Assert.True(binary >= BinaryBar, $"report or not {binary:0.00} < {BinaryBar}");
    }

    [Fact]
    public void RetrainingFromScratchReproducesTheCardsMacroF1()
    {
        var card = File.ReadAllText(Repo.Path("models", "page-classifier.md"));
        var macro = MacroRow().Match(card);
        var (test, cv) = (Number(macro.Groups[1].Value), Number(macro.Groups[2].Value));
        var shipped = ShippedTrainer().Match(card).Groups[1].Value;

        var model = PageTrainer.Train(Pages.Train, shipped);
        var retrained = PageTrainer.Evaluate(model, Pages.Test, shipped);
        var crossValidated = PageTrainer.CrossValidate(Pages.Train, shipped);

        output.WriteLine($"retrained {shipped}: test macro-F1 {retrained.MacroF1:0.000} (card {test:0.000}), cross-validated {crossValidated.MacroF1:0.000} (card {cv:0.000})");
        Assert.InRange(retrained.MacroF1, test - Tolerance, test + Tolerance);
        Assert.InRange(crossValidated.MacroF1, cv - Tolerance, cv + Tolerance);
    }

    [Fact]
    public void TheShippedModelAgreesWithTheCardOnTheTestSplit()
    {
        var card = File.ReadAllText(Repo.Path("models", "page-classifier.md"));
        var test = Number(MacroRow().Match(card).Groups[1].Value);
        var classifier = PageClassifier.Load(Zip);

        var predicted = Pages.Test.Select(p => classifier.Classify(p.Title, p.Text, p.Figures).Type).ToList();
        var score = MetricTrainer.Score("shipped", Pages.Test.Select(p => p.Type).ToList(), predicted);

        Assert.InRange(score.MacroF1, test - 0.0005, test + 0.0005);
    }

    [Fact]
    public void TrainingTwiceGivesTheSameModel()
    {
        var first = PageTrainer.Evaluate(PageTrainer.Train(Pages.Train, "lbfgs-maxent"), Pages.Test, "a");
        var second = PageTrainer.Evaluate(PageTrainer.Train(Pages.Train, "lbfgs-maxent"), Pages.Test, "b");

        Assert.Equal(first.Confusion, second.Confusion);
    }

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\| \*\*macro\*\* \| \d+ \| \| \| \*\*([0-9.]+)\*\* \| \d+ \| \| \| \*\*([0-9.]+)\*\* \|")]
    private static partial Regex MacroRow();

    [GeneratedRegex(@"Shipped: \*\*([a-z-]+)\*\*")]
    private static partial Regex ShippedTrainer();
}
