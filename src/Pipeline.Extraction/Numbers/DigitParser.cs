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
        var digits = token.AsSpan();
        if (digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9'))
        {
            return Ok(digits, default, false, null, false); // digits alone, the common case: no groups to check
        }

        // The groups between separators, as offsets (a group runs from one separator to the next): read in place,
        // with no list, copy or query per number.
        var separators = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                separators++;
            }
        }

        Span<int> marks = separators <= 32 ? stackalloc int[separators] : new int[separators];
        var m = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                marks[m++] = i;
            }
        }

        var groups = separators + 1;
        static ReadOnlySpan<char> Group(ReadOnlySpan<char> digits, ReadOnlySpan<int> marks, int g) =>
            digits[(g == 0 ? 0 : marks[g - 1] + 1)..(g == marks.Length ? digits.Length : marks[g])];
        static char Sep(ReadOnlySpan<char> digits, ReadOnlySpan<int> marks, int k) => digits[marks[k]] == ' ' ? '.' : digits[marks[k]]; // a space groups thousands like a dot

        for (var g = 0; g < groups; g++)
        {
            if (Group(digits, marks, g).Length == 0)
            {
                return Bad;
            }
        }

        if (separators == 0)
        {
            return Ok(digits, default, false, null, false);
        }

        var sep = Sep(digits, marks, 0);
        var oneKind = true;
        for (var k = 1; k < separators; k++)
        {
            oneKind &= Sep(digits, marks, k) == sep;
        }

        if (oneKind)
        {
            var grouped = Group(digits, marks, 0).Length <= 3;
            for (var g = 1; g < groups; g++)
            {
                grouped &= Group(digits, marks, g).Length == 3;
            }

            if (separators > 1)
            {
                // 13.500.000 or 13,157,642: only thousands grouping fits several equal separators.
                return grouped ? OkJoined(digits, marks, groups, false, default, sep == '.' ? NumberStyle.Vietnamese : NumberStyle.English, false) : Bad;
            }

            var tail = Group(digits, marks, 1);
            if (tail.Length != 3 || !grouped)
            {
                // 689,7 / 98,52 (Vietnamese decimals) or 2.5 (English decimal).
                return Ok(Group(digits, marks, 0), tail, true, sep == ',' ? NumberStyle.Vietnamese : NumberStyle.English, false);
            }

            // x.yyy or x,yyy: thousands in the style that uses that separator for grouping.
            var thousandsStyle = sep == '.' ? NumberStyle.Vietnamese : NumberStyle.English;
            return documentStyle == thousandsStyle || sep == '.' && documentStyle == NumberStyle.Vietnamese
                ? OkJoined(digits, marks, groups, false, default, null, true)
                : Ok(Group(digits, marks, 0), tail, true, null, true);
        }

        // Both separators: the last one is the decimal mark, the other must group by three.
        var decimalMark = Sep(digits, marks, separators - 1);
        var thousands = decimalMark == ',' ? '.' : ',';
        var bad = Group(digits, marks, 0).Length > 3;
        for (var k = 0; k < separators - 1; k++)
        {
            bad |= Sep(digits, marks, k) != thousands;
        }

        for (var g = 1; g < groups - 1; g++)
        {
            bad |= Group(digits, marks, g).Length != 3;
        }

        if (bad)
        {
            return Bad;
        }

        var style = decimalMark == ',' ? NumberStyle.Vietnamese : NumberStyle.English;
        return OkJoined(digits, marks, groups - 1, true, Group(digits, marks, groups - 1), style, false);
    }

    private static ParsedDigits Bad => new(0, true, false, null);

    // The first `joined` groups joined as the whole part (with a decimal part after a point, if given), then read.
    private static ParsedDigits OkJoined(ReadOnlySpan<char> digits, ReadOnlySpan<int> marks, int joined, bool hasFraction, ReadOnlySpan<char> fraction,
        NumberStyle? evidence, bool ambiguous)
    {
        Span<char> whole = stackalloc char[MaxText];
        var n = 0;
        for (var g = 0; g < joined; g++)
        {
            var part = digits[(g == 0 ? 0 : marks[g - 1] + 1)..(g == marks.Length ? digits.Length : marks[g])];
            if (n + part.Length > MaxText)
            {
                return Bad; // longer than a decimal's text may be, as the joined text would be
            }

            part.CopyTo(whole[n..]);
            n += part.Length;
        }

        return Ok(whole[..n], fraction, hasFraction, evidence, ambiguous);
    }

    private const int MaxText = 28;

    private static ParsedDigits Ok(ReadOnlySpan<char> integer, ReadOnlySpan<char> fraction, bool hasFraction, NumberStyle? evidence, bool ambiguous)
    {
        // The text "integer.fraction" (or the integer alone), read as an invariant decimal; longer than 28 characters is no amount.
        var length = hasFraction ? integer.Length + 1 + fraction.Length : integer.Length;
        if (length > MaxText)
        {
            return Bad;
        }

        Span<char> text = stackalloc char[MaxText];
        integer.CopyTo(text);
        if (hasFraction)
        {
            text[integer.Length] = '.';
            fraction.CopyTo(text[(integer.Length + 1)..]);
        }

        if (!decimal.TryParse(text[..length], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return Bad;
        }

        return new ParsedDigits(value, false, ambiguous, evidence);
    }

    /// <summary>Drops trailing zeros so 2599.5 × 10⁹ prints as 2599500000000, not 2599500000000.0.</summary>
    public static decimal Tidy(decimal value) => value / 1.000000000000000000000000000000000m;
}
