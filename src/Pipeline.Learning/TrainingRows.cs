using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Core;
using Pipeline.Extraction;
using Pipeline.Extraction.Figures;
using Pipeline.Extraction.Text;

namespace Pipeline.Learning;

/// <summary>A gold figure as the labelled corpus gives it: the words it stands as, what it measures, its unit.</summary>
public sealed record GoldFigure(string Text, string Metric, string Measure, string Unit);

/// <summary>
/// What the classifier sees of one figure: a few words of its clause before and after, the figure's own
/// words with digits masked, its unit, the qualifier word in front of it and the metric cue phrases of its sentence.
/// Text only: nothing here is the rules' verdict, so editing a rule never changes what a model learnt or is shown.
/// </summary>
public sealed record FigureContext(string Before, string Figure, string After, string Unit, string Qualifier, string Cues);

/// <summary>
/// One training row: a gold figure's context and its labels, with the document it came from.
/// <c>RulesMetric</c>, <c>RulesMeasure</c> and <c>RulesConfidence</c> (the tier of the rule that chose the metric) are what
/// the rule-based extractor said of the same span ("none" and 0 when it found no figure there). No model reads them: they
/// score the rules and tune how rules and model are combined (<see cref="Combining.PolicyTuner"/>).
/// </summary>
public sealed record MetricRow(string Document, FigureContext Context, string Metric, string Measure, string RulesMetric = "none", string RulesMeasure = "none", double RulesConfidence = 0);

/// <summary>Derives training rows from a document's text and its gold figures. Pure: same input, same rows.</summary>
public static partial class TrainingRows
{
    /// <summary>Words taken on each side of the figure; a window this size reaches the metric's noun in most clauses.</summary>
    public const int WindowBefore = 8;

    public const int WindowAfter = 6;

    // Words that commonly stand right before a number and say how it relates to it, not what it measures.
    private static readonly HashSet<string> Qualifiers = new(StringComparer.Ordinal)
    {
        "khoảng", "hơn", "trên", "dưới", "gần", "đạt", "tăng", "giảm", "chiếm", "vượt", "bằng", "thêm", "với", "là", "có", "mới", "được", "xấp", "xỉ", "tương", "đương",
    };

    // The metric cue phrases of the figures layer (Pipeline.Extraction.Figures.Cues), not a copy: the model reads which of
    // them stand in the sentence. A phrase added there is a token this model never saw (it weighs nothing until retraining);
    // a phrase removed drops one feature of many.
    private static readonly PhraseMatcher<string> CuePhrases = new(Cues.Metrics.Select(c => c.Phrase).Distinct(StringComparer.Ordinal).Select(p => (p, p.Replace(' ', '_'))));

    /// <summary>Rows for one document: each gold figure found in the clean text, with its context; figures not found are skipped and counted.</summary>
    public static (IReadOnlyList<MetricRow> Rows, int Missing) FromDocument(string document, PreparedText text, IReadOnlyList<GoldFigure> gold, IReadOnlyList<Figure>? rules = null)
    {
        var rows = new List<MetricRow>();
        var missing = 0;
        var cursor = 0;
        foreach (var figure in gold)
        {
            // Gold lists figures in reading order, so the next occurrence after the previous one is the likely one.
            var at = text.Clean.IndexOf(figure.Text, cursor, StringComparison.Ordinal);
            if (at < 0)
            {
                at = text.Clean.IndexOf(figure.Text, StringComparison.Ordinal);
            }

            if (at < 0)
            {
                missing++;
                continue;
            }

            cursor = at + figure.Text.Length;
            var sentence = text.Sentences.FirstOrDefault(s => s.Span.Start <= at && at < s.Span.End);
            var (start, end) = sentence is null ? (0, text.Clean.Length) : (sentence.Span.Start, sentence.Span.End);
            var context = Around(text.Clean[start..end], at - start, figure.Text.Length, figure.Unit);
            var (rulesMetric, rulesMeasure, rulesConfidence) = RulesAt(rules ?? [], at, at + figure.Text.Length);
            rows.Add(new MetricRow(document, context, figure.Metric, figure.Measure, rulesMetric, rulesMeasure, rulesConfidence));
        }

        return (rows, missing);
    }

    /// <summary>The metric, measure and metric tier (<see cref="MetricTiers"/>) of the rules' figure overlapping [start, end) the most, in FIGURES.md spelling; "none" when no rules' figure overlaps.</summary>
    public static (string Metric, string Measure, double Confidence) RulesAt(IReadOnlyList<Figure> rules, int start, int end)
    {
        var best = rules.Select(f => (Figure: f, Overlap: Math.Min(end, f.End) - Math.Max(start, f.Start)))
            .Where(x => x.Overlap > 0)
            .OrderByDescending(x => x.Overlap)
            .Select(x => x.Figure)
            .FirstOrDefault();
        return best is null
            ? ("none", "none", 0)
            : (FigureJson.Name(best.Metric), FigureJson.Name(best.Measure), MetricTiers.Of(best));
    }

    /// <summary>The context of the figure at <c>[at, at+length)</c> of a sentence. Shared by training and prediction so both see the same features.</summary>
    public static FigureContext Around(string sentence, int at, int length, string unit)
    {
        // A semicolon starts another clause with its own subject; the window stops there.
        var before = sentence[..at];
        before = before[(before.LastIndexOf(';') + 1)..];
        var after = sentence[(at + length)..];
        var stop = after.IndexOf(';', StringComparison.Ordinal);
        after = stop < 0 ? after : after[..stop];
        var beforeWords = Words(before);
        var qualifier = beforeWords.Count > 0 && Qualifiers.Contains(beforeWords[^1]) ? beforeWords[^1] : "none";
        var cues = CuePhrases.FindAll(MatchKey.Fold(sentence)).Select(h => h.Value).Distinct(StringComparer.Ordinal);
        return new FigureContext(
            string.Join(' ', beforeWords.TakeLast(WindowBefore)),
            string.Join(' ', Words(sentence.Substring(at, length))),
            string.Join(' ', Words(after).Take(WindowAfter)),
            unit,
            qualifier,
            string.Join(' ', cues));
    }

    /// <summary>The context of <paramref name="figureText"/>'s first occurrence in a sentence (for phrasings given as plain strings).</summary>
    public static FigureContext Around(string sentence, string figureText, string unit)
    {
        var at = sentence.IndexOf(figureText, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException($"'{figureText}' is not in the sentence", nameof(figureText));
        }

        return Around(sentence, at, figureText.Length, unit);
    }

    /// <summary>Lower-case words with punctuation dropped and every number masked as '#', so the model learns phrasing, not values.</summary>
    public static List<string> Words(string text) =>
        Number().Replace(text.ToLowerInvariant(), "#")
            .Split([' ', '\t', '\n', '\r', ',', '(', ')', ':', '"', '“', '”', '-', '–'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', '!', '?', '\'', '/'))
            .Where(w => w.Length > 0)
            .Select(w => w.Any(char.IsDigit) ? "#" : w)
            .ToList();

    // A number as Vietnamese writes it (2.599,5; 12 242 is two words, which is fine: both become '#').
    [GeneratedRegex(@"\d[\d.,]*\d|\d")]
    private static partial Regex Number();

    /// <summary>Reads a gold file (corpus/bulletins/gold/NAME.json): its document name and figures.</summary>
    public static (string Document, IReadOnlyList<GoldFigure> Figures) ReadGold(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var figures = root.GetProperty("figures").EnumerateArray()
            .Select(f => new GoldFigure(
                f.GetProperty("text").GetString() ?? "",
                f.GetProperty("metric").GetString() ?? "other",
                f.GetProperty("measure").GetString() ?? "level",
                f.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : "none"))
            .ToList();
        return (root.GetProperty("document").GetString() ?? "", figures);
    }

    /// <summary>All rows of a corpus directory (documents beside a gold/ directory), in file-name order.</summary>
    public static (IReadOnlyList<MetricRow> Rows, int Gold, int Missing) FromCorpus(string corpus)
    {
        var rows = new List<MetricRow>();
        int gold = 0, missing = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(corpus, "gold"), "*.json").Order(StringComparer.Ordinal))
        {
            var (document, figures) = ReadGold(File.ReadAllText(file));
            var (text, metadata) = DocumentExtractor.Read(File.ReadAllText(Path.Combine(corpus, document)));
            var rules = DocumentExtractor.Extract(document, text, metadata).Figures;
            var (found, lost) = FromDocument(document, text, figures, rules);
            rows.AddRange(found);
            gold += figures.Count;
            missing += lost;
        }

        return (rows, gold, missing);
    }
}
