using System.Text.RegularExpressions;
using Pipeline.Extraction.Numbers;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Tables;

/// <summary>
/// What a cell says: its one number, the unit written after it in the cell ("120,4 ha", "2.850 người", "412,6 tỷ";
/// null when the header gives the unit), and the direction a word before it gives (+1 "tăng", -1 "giảm", 0 none).
/// </summary>
public readonly record struct CellReading(decimal? Number, CellUnit? Unit, int Direction)
{
    public static readonly CellReading None = new(null, null, 0);
}

/// <summary>
/// Reads a cell that holds one number ("612,4", "+17,1", "-7,6", "99,3%"), optionally with its unit after it
/// ("150 ha", "137,5 triệu USD") and a change word before it ("tăng 8,4%", "giảm 2 dự án").
/// Empty cells, "-" and anything else with words, slashes or malformed grouping (phone numbers, dates,
/// document numbers, addresses, durations) are no number.
/// </summary>
public static partial class CellValue
{
    [GeneratedRegex(@"^([+\-−–])?\s*(\d{1,3}(?:[.,\s]\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s*(%)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    private static readonly CellUnit Percent = new(Pipeline.Core.Units.Percent, 1);

    public static decimal? Read(string cell) => ReadCell(cell).Number;

    public static CellReading ReadCell(string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0)
        {
            return CellReading.None;
        }

        var m = Number().Match(text);
        if (m.Success)
        {
            return Parse(m.Groups[2].Value) is { } value
                ? new CellReading(m.Groups[1].Success && m.Groups[1].Value != "+" ? -value : value, m.Groups[3].Success ? Percent : null, 0)
                : CellReading.None;
        }

        return WithWords(text);
    }

    // The number of a cell with words around it: a change word before it, a unit after it; the words must be those
    // and nothing else, so "Lô 24", "18 tháng", "8 giờ 00" stay no number. Only cells the plain form missed come here.
    private static CellReading WithWords(string text)
    {
        var digit = text.AsSpan().IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return CellReading.None;
        }

        var direction = 0;
        var negative = false;
        if (digit == 1 && text[0] is '+' or '-' or '−' or '–')
        {
            negative = text[0] != '+';
        }
        else if (digit > 0)
        {
            if (!char.IsLetter(text[0]) || HeaderWords.ChangeWord(MatchKey.Fold(text[..digit]).Trim()) is not { } sign)
            {
                return CellReading.None;
            }

            direction = sign;
        }

        var end = digit;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || ((text[end] is '.' or ',') && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])) || SpaceGroup(text, end)))
        {
            end++;
        }

        if (Parse(text[digit..end]) is not { } number)
        {
            return CellReading.None;
        }

        var value = negative || direction < 0 ? -number : number;
        var rest = text[end..].Trim();
        if (rest.Length == 0)
        {
            return direction == 0 ? CellReading.None : new CellReading(value, null, direction);
        }

        return UnitReader.InCell(rest) is { } unit ? new CellReading(value, unit, direction) : CellReading.None;
    }

    // A space grouping thousands ("12 242 người"): three digits after it, then no more.
    private static bool SpaceGroup(string text, int at) =>
        text[at] == ' ' && at + 3 < text.Length
        && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2]) && char.IsAsciiDigit(text[at + 3])
        && (at + 4 == text.Length || !char.IsAsciiDigit(text[at + 4]));

    private static decimal? Parse(string digits)
    {
        // A leading zero before more digits is a code or a phone number, not an amount ("0256").
        if (digits.Length > 1 && digits[0] == '0' && char.IsAsciiDigit(digits[1]))
        {
            return null;
        }

        var parsed = DigitParser.Parse(digits.Replace(' ', '.'));
        return parsed.Malformed ? null : parsed.Value;
    }
}
