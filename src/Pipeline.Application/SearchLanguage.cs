using Pipeline.Extraction.Documents;
using Pipeline.Extraction.Figures;
using Pipeline.Extraction.Numbers;
using Pipeline.Search.Language;

namespace Pipeline.Application;

/// <summary>
/// What search takes from the extractor's language, wired here so neither stage reaches into the other:
/// the provinces documents are filed under, the phrases that name a metric, and the units figures carry.
/// Every index and reader the application opens reads queries with it; front ends use it for province and unit choices.
/// </summary>
public static class SearchLanguage
{
    public static SearchVocabulary Vocabulary { get; } = new(
        Provinces.Names,
        Cues.Metrics.Select(c => new MetricPhrase(c.Phrase, c.Metric)),
        Lexicon.UnitWords.Select(u => u.Unit));
}
