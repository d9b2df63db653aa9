using System.Text.RegularExpressions;
using Pipeline.Extraction.Numbers;

namespace Pipeline.Extraction.Tables;

/// <summary>
/// Reads a cell that holds one number and nothing else ("612,4", "+17,1", "-7,6", "99,3%").
/// Empty cells, "-" and anything with words, slashes or malformed grouping (phone numbers, dates,
/// document numbers) are no number.
/// </summary>
public static partial class CellValue
{
    [GeneratedRegex(@"^([+\-−–])?\s*(\d{1,3}(?:[.,\s]\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s*(%)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    public static decimal? Read(string cell)
    {
        var m = Number().Match(cell.Trim());
        if (!m.Success)
        {
            return null;
        }

        var digits = m.Groups[2].Value;
        // A leading zero before more digits is a code or a phone number, not an amount ("0256").
        if (digits.Length > 1 && digits[0] == '0' && char.IsAsciiDigit(digits[1]))
        {
            return null;
        }

        var parsed = DigitParser.Parse(digits.Replace(' ', '.'));
        if (parsed.Malformed)
        {
            return null;
        }

        return m.Groups[1].Success && m.Groups[1].Value != "+" ? -parsed.Value : parsed.Value;
    }
}
