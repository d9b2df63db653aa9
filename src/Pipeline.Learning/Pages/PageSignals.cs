using System.Text.RegularExpressions;
using Pipeline.Core;

namespace Pipeline.Learning.Pages;

/// <summary>
/// Numeric signals of a page that say "figures-bearing" without naming any words: how many figures the rules
/// found and of what kind, and how many dates and legal references stand in the text. Rates are per 100 words,
/// so a long page and a short one of the same kind look alike.
/// </summary>
public sealed partial record PageSignals(
    float Figures,
    float FiguresPer100Words,
    float MoneyPer100Words,
    float RatesPer100Words,
    float ComparisonsPer100Words,
    float PeriodShare,
    float Metrics,
    float DatesPer100Words,
    float LegalRefsPer100Words,
    float WordsPerParagraph)
{
    /// <summary>How many entries <see cref="Vector"/> has.</summary>
    public const int Count = 10;

    /// <summary>The names of <see cref="Vector"/>'s entries, in order, for the model card.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "log(1 + figures)", "figures per 100 words", "money figures (VND, USD) per 100 words", "rates (VND/month, USD/m2) per 100 words",
        "comparisons (change, %, of plan, ratio) per 100 words", "share of figures with a period", "distinct metrics (other excluded)",
        "dates per 100 words", "legal references (43/2013/QH13, 86/QĐ-BQL) per 100 words", "log(1 + words per paragraph)",
    ];

    public float[] Vector() =>
    [
        Figures, FiguresPer100Words, MoneyPer100Words, RatesPer100Words, ComparisonsPer100Words, PeriodShare, Metrics,
        DatesPer100Words, LegalRefsPer100Words, WordsPerParagraph,
    ];

    /// <summary>The signals of a clean text and the figures the rules found in it. Pure.</summary>
    public static PageSignals Of(string text, IReadOnlyList<Figure> figures)
    {
        var words = Math.Max(1, text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        var paragraphs = Math.Max(1, text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Count(p => p.Trim().Length > 0));
        float Per100(int n) => 100f * n / words;
        return new PageSignals(
            MathF.Log(1 + figures.Count),
            Per100(figures.Count),
            Per100(figures.Count(f => Units.IsMoney(f.Unit))),
            Per100(figures.Count(f => f.Unit.Contains('/', StringComparison.Ordinal))),
            Per100(figures.Count(f => f.Measure != Measure.Level)),
            figures.Count == 0 ? 0 : (float)figures.Count(f => f.Period is not null) / figures.Count,
            figures.Where(f => f.Metric != Metric.Other).Select(f => f.Metric).Distinct().Count(),
            Per100(Date().Count(text)),
            Per100(LegalReference().Count(text)),
            MathF.Log(1 + ((float)words / paragraphs)));
    }

    // 14/6, 09/6/2017, 22/5/2019
    [GeneratedRegex(@"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{4})?(?![\d/])")]
    private static partial Regex Date();

    // 43/2013/QH13, 86/QĐ-BQL, 40/2019/NĐ-CP, QCVN 40:2011/BTNMT
    [GeneratedRegex(@"\d+(?:/\d{4})?/[A-ZĐ]{2,}")]
    private static partial Regex LegalReference();
}
