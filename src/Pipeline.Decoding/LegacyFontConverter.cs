using System.Text;

namespace Pipeline.Decoding;

/// <summary>Converts text in a Vietnamese font encoding (as its windows-1252 characters) to Unicode NFC.</summary>
public static class LegacyFontConverter
{
    public static string ToUnicode(string text, LegacyFont font) => font switch
    {
        LegacyFont.Tcvn3 => FromTcvn3(text),
        LegacyFont.Vni => FromVni(text),
        _ => text,
    };

    private static string FromTcvn3(string text)
    {
        var converted = text.ToCharArray();
        for (var i = 0; i < converted.Length; i++)
        {
            if (Tcvn3Table.ToUnicode.TryGetValue(text[i], out var letter))
            {
                converted[i] = letter;
            }
        }

        // VN3 has no toned capitals: .VnTimeH draws the lower-case codes as capitals. In an
        // all-capitals word ("VIÖT") the converted letters are therefore capitals too.
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            int upper = 0, lower = 0;
            for (var i = start; i < end; i++)
            {
                upper += char.IsAsciiLetterUpper(text[i]) ? 1 : 0;
                lower += char.IsAsciiLetterLower(text[i]) ? 1 : 0;
            }

            if (upper >= 2 && lower == 0)
            {
                for (var i = start; i < end; i++)
                {
                    if (converted[i] != text[i])
                    {
                        converted[i] = char.ToUpperInvariant(converted[i]);
                    }
                }
            }

            start = end + 1;
        }

        return TextNormalizer.Nfc(new string(converted));
    }

    private static string FromVni(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i + 1 < text.Length && text[i + 1] >= 'À' && VniTable.Pairs.TryGetValue(string.Concat(c, text[i + 1]), out var letter))
            {
                sb.Append(letter);
                i++;
            }
            else
            {
                sb.Append(VniTable.Singles.TryGetValue(c, out var single) ? single : c);
            }
        }

        return TextNormalizer.Nfc(sb.ToString());
    }
}
