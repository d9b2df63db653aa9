namespace Pipeline.Core;

/// <summary>One number a bulletin reports, with what it measures: the data contract of FIGURES.md.</summary>
public sealed record Figure
{
    public required Metric Metric { get; init; }
    public required Measure Measure { get; init; }
    public required decimal Value { get; init; }
    /// <summary>The high end of a range ("2-3 dự án"); null otherwise.</summary>
    public decimal? ValueMax { get; init; }
    public required string Unit { get; init; }
    public Approx Approx { get; init; }
    public bool Estimate { get; init; }
    public bool Target { get; init; }
    public Scope? Scope { get; init; }
    public string? Period { get; init; }
    public required string Text { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    public string Sentence { get; init; } = "";
    public double Confidence { get; init; }
    public string Rule { get; init; } = "";

    /// <summary>
    /// An addition to the contract: reasons to review this figure (e.g. its unit looks wrong next to
    /// its own parts). Never a silent fix: the value stays as written. Left out of JSON when empty.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Flags { get; init; }

    /// <summary>
    /// An addition to the contract: what the figure is about when it is not the report's own total
    /// (the zone, company or project of a table row, as the row names it); null for the report's totals.
    /// </summary>
    public string? Subject { get; init; }
}

/// <summary>A document's metadata and figures, as `pipeline extract` prints it.</summary>
public sealed record ExtractedDocument
{
    public required string Source { get; init; }
    public string? Title { get; init; }
    /// <summary>
    /// An addition to the contract: true when the page shows no headline and <see cref="Title"/> is its
    /// first sentence instead. Left out of JSON when false.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool TitleIsFirstSentence { get; init; }
    public string? Published { get; init; }
    public string? Board { get; init; }
    public string? Province { get; init; }
    public string? Period { get; init; }
    public IReadOnlyList<Figure> Figures { get; init; } = [];
    /// <summary>Problems met while reading the input (skipped parts, odd bytes); empty when none.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
