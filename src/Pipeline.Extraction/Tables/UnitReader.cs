using System.Text.RegularExpressions;
using Pipeline.Core;
using Pipeline.Extraction.Figures;
using Pipeline.Extraction.Numbers;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Tables;

/// <summary>A unit as a header gives it: "(triệu USD)" is USD times 10⁶.</summary>
public sealed record CellUnit(string Unit, decimal Factor)
{
    public UnitClass Class => Unit switch
    {
        Units.Vnd or Units.Usd or "EUR" or "JPY" or "CNY" or "KRW" => UnitClass.Money,
        Units.Percent => UnitClass.Percent,
        Units.Hectare or Units.SquareMetre or "km2" => UnitClass.Area,
        Units.Tonne or Units.CubicMetre or Units.Item => UnitClass.Quantity,
        _ => UnitClass.Count,
    };
}

/// <summary>
/// Reads units written in headers and above tables with the numbers layer's own words
/// (<see cref="Lexicon.Scales"/>, <see cref="Lexicon.UnitWords"/>): "(tỷ đồng)", "(ha)", "(%)", "ĐVT: triệu USD".
/// </summary>
public static partial class UnitReader
{
    private static readonly Dictionary<string, decimal> Scales = Lexicon.Scales.ToDictionary(s => MatchKey.Fold(s.Key), s => s.Value);
    private static readonly Dictionary<string, string> Words = Lexicon.UnitWords
        .GroupBy(u => MatchKey.Fold(u.Written)).ToDictionary(g => g.Key, g => g.First().Unit);

    [GeneratedRegex(@"\(([^()]{1,30})\)", RegexOptions.CultureInvariant)]
    private static partial Regex Bracket();

    /// <summary>The unit in brackets in a header ("Vốn đăng ký (triệu USD)"), or null.</summary>
    public static CellUnit? InBrackets(string header)
    {
        foreach (Match m in Bracket().Matches(header))
        {
            if (Read(m.Groups[1].Value) is { } unit)
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>A unit line above a table ("ĐVT: tỷ đồng"), or null when the line is something else.</summary>
    public static CellUnit? FromUnitLine(string? line)
    {
        if (line is null)
        {
            return null;
        }

        var key = MatchKey.Fold(line.Trim().Trim('(', ')'));
        foreach (var lead in HeaderWords.UnitLines.Keys)
        {
            if (key.StartsWith(lead, StringComparison.Ordinal))
            {
                return Read(line.Trim().Trim('(', ')')[lead.Length..]);
            }
        }

        return null;
    }

    // No unit or scale word starts with a digit, so a cell that does ("612,4") is read no further.
    private static readonly bool DigitLed = Words.Keys.Concat(Scales.Keys).Any(k => k.Length > 0 && char.IsAsciiDigit(k[0]));

    /// <summary>
    /// The unit written after a number in a cell ("ha", "%", "người", "triệu USD"); scale words alone ("412,6 tỷ",
    /// "1.234 tỷ") are đồng, as Vietnamese writes money without its currency (the header must still name money).
    /// </summary>
    public static CellUnit? InCell(string rest)
    {
        if (Read(rest) is { } unit)
        {
            return unit;
        }

        var factor = 1m;
        foreach (var word in MatchKey.Fold(rest).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Scales.TryGetValue(word, out var scale))
            {
                return null;
            }

            factor *= scale;
        }

        return factor > 1 ? new CellUnit(Units.Vnd, factor) : null;
    }

    /// <summary>A unit written alone: scale words then a unit word ("triệu USD", "tỷ đồng", "%", "người").</summary>
    public static CellUnit? Read(string text)
    {
        var trimmed = text.Trim();
        if (!DigitLed && trimmed.Length > 0 && char.IsAsciiDigit(trimmed[0]))
        {
            return null;
        }

        var key = MatchKey.Fold(trimmed.TrimEnd('.', ';', ','));
        if (key.Length == 0)
        {
            return null;
        }

        var factor = 1m;
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && Scales.TryGetValue(words[0], out var scale))
        {
            factor *= scale;
            words.RemoveAt(0);
        }

        var rest = string.Join(' ', words);
        if (Words.TryGetValue(rest, out var unit))
        {
            return new CellUnit(unit, factor);
        }

        return null;
    }
}
