using Microsoft.ML;
using Pipeline.Core;
using Pipeline.Extraction;

namespace Pipeline.Learning.Pages;

/// <summary>A page's type as the classifier sees it, with its probability (0 to 1).</summary>
public sealed record PageVerdict(string Type, double Score)
{
    public bool IsReport => Type == PageTypes.Report;
}

/// <summary>The shipped page classifier (models/page-classifier.zip): a page's title and clean text in, its type out.</summary>
public sealed class PageClassifier
{
    private readonly LockedEngine<PageInput, PageOutput> _engine;

    private PageClassifier(LockedEngine<PageInput, PageOutput> engine) => _engine = engine;

    public static PageClassifier Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public static PageClassifier Load(Stream stream) => new(LockedEngine<PageInput, PageOutput>.Load(PageTrainer.Context(), stream));

    /// <summary>The type of a page whose figures the rules have already found (the pipeline's case: no second extraction).</summary>
    /// <param name="title">The page's title ("" when it has none).</param>
    /// <param name="text">Its clean text, as the pipeline stores it.</param>
    /// <param name="figures">The figures the rules found in that text.</param>
    public PageVerdict Classify(string title, string text, IReadOnlyList<Figure> figures)
    {
        var input = PageInput.From(title, text, PageSignals.Of(text, figures));
        var output = _engine.Predict(input);
        return new PageVerdict(output.Predicted, output.Score.Length == 0 ? 0 : output.Score.Max());
    }

    /// <summary>The type of a page given as title and text; the rules are run on the text for its figures.</summary>
    /// <param name="title">The page's title.</param>
    /// <param name="text">Its text (title, date line and body, or just the body).</param>
    public PageVerdict Classify(string title, string text)
    {
        var (prepared, metadata) = DocumentExtractor.Read(text);
        return Classify(title, prepared.Clean, DocumentExtractor.Extract("", prepared, metadata).Figures);
    }
}
