namespace Pipeline.Extraction.Numbers;

/// <summary>Which separator a document uses for decimals, voted from its unambiguous numbers.</summary>
public enum NumberStyle
{
    Vietnamese,
    English,
}

/// <summary>A digit string read as a number, or flagged when its grouping makes no sense.</summary>
public readonly record struct ParsedDigits(decimal Value, bool Malformed, bool Ambiguous, NumberStyle? Evidence);

/// <summary>
/// Reads digit strings as Vietnamese writes them (2.599,5; 12 242) or as English-style sites do
/// (1,200.5; 13,157,642). The digits decide; a lone separator that could go either way
/// (1,200) falls to the document's style.
/// </summary>
public static class DigitParser
{
    public static ParsedDigits Parse(string token, NumberStyle documentStyle = NumberStyle.Vietnamese)
    {
        if (token.Length > 0 && !token.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return Ok(token, null, null, false); // digits alone, the common case: no groups to check
        }

        var groups = new List<string>();
        var seps = new List<char>();
        var current = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (char.IsAsciiDigit(c))
            {
                continue;
            }

            groups.Add(token[current..i]);
            seps.Add(c == ' ' ? '.' : c); // a space groups thousands like a dot
            current = i + 1;
        }

        groups.Add(token[current..]);
        if (groups.Any(g => g.Length == 0))
        {
            return Bad;
        }

        if (seps.Count == 0)
        {
            return Ok(groups[0], null, null, false);
        }

        var distinct = seps.Distinct().ToList();
        if (distinct.Count == 1)
        {
            var sep = distinct[0];
            var grouped = groups[0].Length <= 3 && groups.Skip(1).All(g => g.Length == 3);
            if (seps.Count > 1)
            {
                // 13.500.000 or 13,157,642: only thousands grouping fits several equal separators.
                return grouped ? Ok(string.Concat(groups), null, sep == '.' ? NumberStyle.Vietnamese : NumberStyle.English, false) : Bad;
            }

            var tail = groups[1];
            if (tail.Length != 3 || !grouped)
            {
                // 689,7 / 98,52 (Vietnamese decimals) or 2.5 (English decimal).
                return Ok(groups[0], tail, sep == ',' ? NumberStyle.Vietnamese : NumberStyle.English, false);
            }

            // x.yyy or x,yyy: thousands in the style that uses that separator for grouping.
            var thousandsStyle = sep == '.' ? NumberStyle.Vietnamese : NumberStyle.English;
            return documentStyle == thousandsStyle || sep == '.' && documentStyle == NumberStyle.Vietnamese
                ? Ok(groups[0] + tail, null, null, true)
                : Ok(groups[0], tail, null, true);
        }

        // Both separators: the last one is the decimal mark, the other must group by three.
        var decimalMark = seps[^1];
        var thousands = decimalMark == ',' ? '.' : ',';
        if (seps.Take(seps.Count - 1).Any(s => s != thousands)
            || groups[0].Length > 3
            || groups.Skip(1).Take(groups.Count - 2).Any(g => g.Length != 3))
        {
            return Bad;
        }

        var style = decimalMark == ',' ? NumberStyle.Vietnamese : NumberStyle.English;
        return Ok(string.Concat(groups.Take(groups.Count - 1)), groups[^1], style, false);
    }

    private static ParsedDigits Bad => new(0, true, false, null);

    private static ParsedDigits Ok(string integer, string? fraction, NumberStyle? evidence, bool ambiguous)
    {
        var text = fraction is null ? integer : integer + "." + fraction;
        if (text.Length > 28 || !decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return Bad;
        }

        return new ParsedDigits(value, false, ambiguous, evidence);
    }

    /// <summary>Drops trailing zeros so 2599.5 × 10⁹ prints as 2599500000000, not 2599500000000.0.</summary>
    public static decimal Tidy(decimal value) => value / 1.000000000000000000000000000000000m;
}
