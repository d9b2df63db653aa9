using Pipeline.Core;

namespace Pipeline.Storage;

/// <summary>
/// What makes two figures the same fact: the province and what was measured, when, and in which
/// unit. A figure with no province or no period cannot be matched to another report of it.
/// </summary>
public static class FactKey
{
    public static string? Of(string? province, Figure figure) =>
        province is null || figure.Period is null
            ? null
            : string.Join('|', province, Names.Of(figure.Metric), Names.Of(figure.Measure), figure.Scope is { } s ? Names.Of(s) : "", figure.Period, figure.Target ? "target" : "actual", figure.Unit);
}
