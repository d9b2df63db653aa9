using System.Text;

namespace Pipeline.Decoding;

/// <summary>
/// A declared charset label resolved to an encoding: <see cref="Encoding"/> is null when the label
/// cannot be used (then <see cref="Problem"/> says why); <see cref="Font"/> is set for labels that
/// name a Vietnamese font encoding, which is read byte for byte as windows-1252 and converted later.
/// </summary>
public sealed record CharsetLabel(string Label, Encoding? Encoding, LegacyFont Font, string? Problem)
{
    static CharsetLabel() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Resolves <paramref name="label"/> (any case, quotes and typos like "utf8" tolerated).</summary>
    public static CharsetLabel Resolve(string label)
    {
        var trimmed = label.Trim().Trim('"', '\'').Trim();
        var lower = trimmed.ToLowerInvariant();

        // Separators vary in the wild ("UTF_8", "utf 8", "windows1258"); compare without them.
        var key = new string([.. lower.Where(char.IsAsciiLetterOrDigit)]);
        switch (key)
        {
            case "":
                return new(trimmed, null, LegacyFont.None, "is empty");
            case "utf8" or "uft8" or "utf08" or "unicode11utf8" or "unicode20utf8" or "xunicode20utf8":
                return new(trimmed, new UTF8Encoding(false), LegacyFont.None, null);
            case "unicode" or "utf16" or "utf16le" or "ucs2" or "iso10646ucs2" or "csunicode" or "unicodefeff":
                return new(trimmed, Encoding.Unicode, LegacyFont.None, null);
            case "utf16be" or "unicodefffe":
                return new(trimmed, Encoding.BigEndianUnicode, LegacyFont.None, null);
            case "utf7" or "csunicode11utf7" or "unicode11utf7" or "xunicode20utf7":
                // UTF-7 lets ASCII bytes spell markup; browsers refuse it, and so do we.
                return new(trimmed, null, LegacyFont.None, "(UTF-7) is not accepted");
            case "xuserdefined":
                return new(trimmed, null, LegacyFont.None, "names no real encoding");
            // WHATWG reads Latin-1 and ASCII labels as windows-1252: pages labelled so use its 0x80-0x9F punctuation.
            case "iso88591" or "latin1" or "l1" or "cp819" or "ibm819" or "isoir100" or "csisolatin1" or "iso885911987"
                or "usascii" or "ascii" or "ansix341968" or "cp1252" or "windows1252" or "xcp1252":
                return new(trimmed, Encoding.GetEncoding(1252), LegacyFont.None, null);
            case "windows1258" or "cp1258" or "xcp1258":
                return new(trimmed, Encoding.GetEncoding(1258), LegacyFont.None, null);
            case "tcvn" or "tcvn3" or "tcvn5712" or "tcvn57121993" or "xviettcvn" or "xviettcvn3" or "xviettcvn5712" or "vn3" or "abc":
                return new(trimmed, Encoding.GetEncoding(1252), LegacyFont.Tcvn3, null);
            case "vni" or "xvietvni" or "vniwin" or "vniwindows":
                return new(trimmed, Encoding.GetEncoding(1252), LegacyFont.Vni, null);
            case "utf32" or "utf32le" or "utf32be":
                return new(trimmed, null, LegacyFont.None, "(UTF-32) is not used on the web");
        }

        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(lower);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return new(trimmed, null, LegacyFont.None, "is not a known encoding");
        }

        // A label read from ASCII markup or a header cannot name an encoding that spells ASCII differently (EBCDIC).
        return encoding.GetString("<meta charset"u8) == "<meta charset"
            ? new(trimmed, encoding, LegacyFont.None, null)
            : new(trimmed, null, LegacyFont.None, "is not ASCII-compatible");
    }
}
