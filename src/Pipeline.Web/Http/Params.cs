using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Web.Http;

/// <summary>
/// A request's query parameters read strictly: an unknown name or a value that does not parse is a
/// <see cref="BadParameterException"/> (a 400 saying which and why), never silently ignored, so a typo
/// is an error and not "0 results".
/// </summary>
public sealed class Params
{
    private readonly IQueryCollection _query;

    public Params(IQueryCollection query, params IEnumerable<string> allowed)
    {
        _query = query;
        var known = new HashSet<string>(allowed, StringComparer.Ordinal) { "lang" };
        foreach (var key in query.Keys)
        {
            if (!known.Contains(key))
            {
                throw Refusals.UnknownParameter(key, known);
            }
        }
    }

    /// <summary>The value, trimmed; null when absent or empty. A parameter given twice is refused (which one would count?).</summary>
    public string? Text(string name, int maxLength = 500)
    {
        var values = _query[name];
        if (values.Count > 1)
        {
            throw Refusals.Repeated(name, values.Count);
        }

        var value = values.Count == 0 ? null : values[0]?.Trim();
        if (value is { Length: > 0 } && value.Length > maxLength)
        {
            throw Refusals.TooLong(name, maxLength);
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }

    public int? Int(string name, int min, int max)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Refusals.NotWholeNumber(name, min, max, text);
    }

    /// <summary>A number written either way: 1234.5, 1,234.5 or the Vietnamese 1.234,5.</summary>
    public decimal? Decimal(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        return Numbers.TryParse(text, out var value)
            ? value
            : throw Refusals.NotNumber(name, text);
    }

    /// <summary>One of <paramref name="choices"/> (case-insensitive), returned as the choice is spelled.</summary>
    public string? Choice(string name, IReadOnlyCollection<string> choices)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        return choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase))
            ?? throw Refusals.NotOneOf(name, choices, text);
    }

    /// <summary>Every value of a repeatable parameter (e.g. several provinces).</summary>
    public IReadOnlyList<string> All(string name) =>
        [.. _query[name].Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];
}

/// <summary>Reads a number as a person types it in either convention.</summary>
public static class Numbers
{
    public static bool TryParse(string text, out decimal value)
    {
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal);
        var lastDot = t.LastIndexOf('.');
        var lastComma = t.LastIndexOf(',');

        // The right-most separator followed by exactly three digits and preceded by another of its kind is a thousands separator.
        string normalized;
        if (lastComma > lastDot && (lastDot >= 0 || !LooksLikeThousands(t, ',')))
        {
            normalized = t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (lastDot > lastComma && lastComma < 0 && LooksLikeThousands(t, '.'))
        {
            normalized = t.Replace(".", "", StringComparison.Ordinal);
        }
        else
        {
            normalized = t.Replace(",", "", StringComparison.Ordinal);
        }

        return decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    // "1.234.567" or "1.234" with more than one group, or one group of three after 1-3 digits repeated: thousands.
    private static bool LooksLikeThousands(string t, char separator)
    {
        var groups = t.TrimStart('-', '+').Split(separator);
        return groups.Length > 2 && groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }
}
