using System.Text.RegularExpressions;
using Microsoft.ML.Data;

namespace Pipeline.Learning.Pages;

/// <summary>Which features a page model reads: the words, the numeric signals, or both (the shipped model).</summary>
public enum PageFeatures
{
    All,
    Text,
    Signals,
}

/// <summary>The row shape ML.NET reads for a page (a mutable class, as it needs).</summary>
public sealed partial class PageInput
{
    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    [VectorType(PageSignals.Count)]
    public float[] Signals { get; set; } = new float[PageSignals.Count];

    /// <summary>The gold type; empty when predicting.</summary>
    public string Label { get; set; } = "";

    /// <summary>A page as the model sees it: numbers masked as '#' so it learns phrasing, not values.</summary>
    /// <param name="title">The page's title.</param>
    /// <param name="text">Its clean text.</param>
    /// <param name="signals">The numeric signals of the text and its figures.</param>
    /// <param name="label">The gold type, when training.</param>
    public static PageInput From(string title, string text, PageSignals signals, string label = "") => new()
    {
        Title = Mask(title),
        Body = Mask(text),
        Signals = signals.Vector(),
        Label = label,
    };

    public static PageInput From(PageRow row) => From(row.Title, row.Text, PageSignals.Of(row.Text, row.Figures), row.Type);

    /// <summary>Every number (2.599,5; 4.100.000; 2017) becomes '#'; "86/QĐ-BQL" stays a pattern ("#/QĐ-BQL").</summary>
    public static string Mask(string text) => Number().Replace(text, "#");

    [GeneratedRegex(@"\d[\d.,]*\d|\d")]
    private static partial Regex Number();
}

/// <summary>What a page model says: the type and its per-class probabilities.</summary>
public sealed class PageOutput
{
    public string Predicted { get; set; } = "";

    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
