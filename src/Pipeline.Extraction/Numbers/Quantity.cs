using Pipeline.Core;

namespace Pipeline.Extraction.Numbers;

/// <summary>
/// A number as the text states it: its value in base units, unit, bound and span. Start/End cover
/// the qualifier, the number and its unit; NumberStart/NumberEnd the digits (or number words) alone.
/// </summary>
public sealed record Quantity
{
    public required int Start { get; init; }
    public required int End { get; init; }
    public required string Text { get; init; }
    public required int NumberStart { get; init; }
    public required int NumberEnd { get; init; }
    public required decimal Value { get; init; }
    public decimal? ValueMax { get; init; }
    public required string Unit { get; init; }
    public Approx Approx { get; init; }
    /// <summary>The qualifier word that set Approx ("khoảng", "gần"), if any.</summary>
    public string? Qualifier { get; init; }
    /// <summary>A scale word multiplied the digits ("triệu", "nghìn tỷ").</summary>
    public bool Scaled => Factor != 1;
    /// <summary>What the scale words multiplied the digits by; 1 when there were none.</summary>
    public decimal Factor { get; init; } = 1;
    /// <summary>The unit was inferred, not written ("520 tỷ" in a money clause read as VND).</summary>
    public bool UnitInferred { get; init; }
    /// <summary>A counting word stood after the number ("1.850 lượt tàu", "TEU") though the unit is plain "count".</summary>
    public bool Counted { get; init; }
    /// <summary>Written out in words ("ba dự án").</summary>
    public bool Spelled { get; init; }
    /// <summary>The digit grouping could be read two ways and the document's style decided.</summary>
    public bool Ambiguous { get; init; }
}

/// <summary>A number that was found and deliberately not read as a figure, with why.</summary>
public sealed record SkippedNumber(int Start, int End, string Text, string Reason)
{
    /// <summary>The number as read, when it was read before being set aside ("không quá 7.000 đồng" is under 7000 VND, but a rule's).</summary>
    public Quantity? Reading { get; init; }
}

/// <summary>Everything the numbers layer found in one text.</summary>
public sealed record NumberScan(IReadOnlyList<Quantity> Quantities, IReadOnlyList<SkippedNumber> Skipped, NumberStyle Style);
