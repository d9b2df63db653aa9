using System.Text;

namespace Pipeline.Extraction.Text;

/// <summary>
/// Turns raw input text into the clean text that figure offsets point into: NFC, Ð read as Đ,
/// odd spaces made plain, control characters dropped, space runs folded, blank-line runs capped.
/// </summary>
public static class TextCleaner
{
    public static string Clean(string raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        var sb = new StringBuilder(raw.Length);
        var pendingSpace = false;
        var newlines = 0;
        for (var at = 0; at < raw.Length; at++)
        {
            var c0 = raw[at];
            // A surrogate without its partner (a cut emoji, a bad decode) is not text and makes normalisation throw.
            if (char.IsHighSurrogate(c0) && !(at + 1 < raw.Length && char.IsLowSurrogate(raw[at + 1])))
            {
                continue;
            }

            if (char.IsLowSurrogate(c0) && !(at > 0 && char.IsHighSurrogate(raw[at - 1])))
            {
                continue;
            }

            var c = Map(c0);
            if (c == '\0')
            {
                continue;
            }

            if (c == '\n')
            {
                pendingSpace = false;
                newlines++;
                continue;
            }

            if (c == ' ')
            {
                pendingSpace = true;
                continue;
            }

            if (newlines > 0)
            {
                if (sb.Length > 0)
                {
                    sb.Append('\n', Math.Min(newlines, 2));
                }

                newlines = 0;
                pendingSpace = false;
            }
            else if (pendingSpace && sb.Length > 0)
            {
                sb.Append(' ');
            }

            pendingSpace = false;
            sb.Append(c);
        }

        var text = sb.ToString();
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>One character in, one out: '\0' drops it, ' ' and '\n' are the only spacing left.</summary>
    private static char Map(char c) => c switch
    {
        '\u00D0' => '\u0110', // Ð (Icelandic eth) typed for Đ
        '\u00F0' => '\u0111',
        '\r' => '\n',
        '\n' or '\u2028' or '\u2029' or '\u0085' => '\n',
        '\t' or '\u00A0' or '\u1680' or '\u202F' or '\u205F' or '\u3000' or '\u000B' or '\u000C' => ' ',
        >= '\u2000' and <= '\u200A' => ' ',
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => '\0',
        '\uFFFD' => '\0',
        _ when char.IsControl(c) => '\0',
        _ => c,
    };
}
