using Pipeline.Core;
using Pipeline.Extraction;
using Pipeline.Extraction.Documents;

namespace Pipeline.Learning.Combining;

/// <summary>The product's extractor: the rules (<see cref="DocumentExtractor"/>), then the metric model where the rules are unsure.</summary>
public static class LearnedExtractor
{
    /// <summary>Changes whenever the rules' code or a shipped model changes, so stored documents are re-read exactly then.</summary>
    public static readonly string Version = $"{DocumentExtractor.Version}-{ShippedModels.Version}";

    public static ExtractedDocument Extract(string source, PreparedText text, DocumentMetadata metadata, IProgress<ReadingStage>? stages = null)
    {
        var document = DocumentExtractor.Extract(source, text, metadata, stages);
        stages?.Report(ReadingStage.Model);
        return document with { Figures = FigureRefiner.Shipped.Refine(text, document.Figures) };
    }
}
