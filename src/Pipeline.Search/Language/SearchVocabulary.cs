using Pipeline.Core;
using Pipeline.Search.Analysis;

namespace Pipeline.Search.Language;

/// <summary>A word or phrase that names a metric: "xuất khẩu" names export_value.</summary>
public sealed record MetricPhrase(string Phrase, Metric Metric);

/// <summary>
/// The language search takes from the stages before it, handed in by whoever opens an index (the application
/// wires in the extractor's tables), so search never reaches into another stage: the provinces' canonical names
/// documents are filed under, the phrases that name a metric, and the units figures carry. Search's own tables
/// (a province's other names, equivalent phrasings) are built on these. Built once; immutable.
/// </summary>
public sealed class SearchVocabulary
{
    /// <param name="provinces">The canonical province names ("TP. Hồ Chí Minh", "Bà Rịa - Vũng Tàu").</param>
    /// <param name="metricPhrases">Words that name a metric ("vốn đầu tư", "lấp đầy").</param>
    /// <param name="units">The units a figure can carry ("VND", "USD", "ha").</param>
    public SearchVocabulary(IEnumerable<string> provinces, IEnumerable<MetricPhrase> metricPhrases, IEnumerable<string> units)
    {
        Places = new Places(provinces);
        // Shorter phrases first, so a longer phrase's metric wins where they overlap ("vốn" inside "vốn đầu tư").
        MetricWords = [.. metricPhrases.Select(c => (Words: QueryBuilder.Words(c.Phrase).Select(VietnameseFold.Full).ToArray(), Metric: FigureJson.Name(c.Metric)))
            .Where(c => c.Words.Length > 0).OrderBy(c => c.Words.Length)];
        // Rates the extractor builds from its units (percent, a ratio) are units a figure carries too.
        Units = [.. units.Append(Core.Units.Percent).Append("ratio").Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Provinces by every name people type.</summary>
    public Places Places { get; }

    /// <summary>The units figures carry (an index may hold rates built from them too, such as USD/m2).</summary>
    public IReadOnlyList<string> Units { get; }

    /// <summary>Each metric phrase's folded words and its metric's name, shorter phrases first.</summary>
    internal IReadOnlyList<(string[] Words, string Metric)> MetricWords { get; }
}
