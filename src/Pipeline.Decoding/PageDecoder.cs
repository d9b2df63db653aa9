using System.Text;

namespace Pipeline.Decoding;

/// <summary>
/// Turns a fetched body into text. Evidence is taken in order: a byte order mark; the Content-Type
/// charset; a meta charset in the first 4 KB; then the bytes themselves (strict UTF-8, else
/// windows-1258 or windows-1252 by which reading looks Vietnamese). A declaration the bytes contradict
/// does not win: valid multi-byte UTF-8 under another label is UTF-8, and a UTF-8 label over bytes that
/// are not UTF-8 gives way to the next evidence. Text in the TCVN3 or VNI font encodings is converted
/// when the detector is sure, flagged when it is not. The result is NFC. Never throws.
/// </summary>
public static class PageDecoder
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false, false);

    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public static DecodedPage Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        var warnings = new List<string>();
        if (ByteOrderMark.Detect(body) is { } bom)
        {
            var rest = body[bom.Length..];
            if (bom.Encoding is UTF8Encoding)
            {
                NoteUtf8Damage(Utf8Evidence.Measure(rest), warnings);
            }
            else if (rest.Length % 2 != 0)
            {
                warnings.Add("the UTF-16 body has an odd number of bytes; the last one was dropped");
            }

            return FromText(bom.Encoding.GetString(rest), bom.Encoding.WebName, CharsetSource.Bom, warnings);
        }

        var utf8 = Utf8Evidence.Measure(body);
        (CharsetSource Source, string Where, string? Label)[] declarations =
        [
            (CharsetSource.Header, "header", ContentTypeCharset.Find(contentType)),
            (CharsetSource.Meta, "meta", MetaCharset.Find(body)),
        ];
        foreach (var (source, where, label) in declarations)
        {
            if (label is null)
            {
                continue;
            }

            var charset = CharsetLabel.Resolve(label);
            if (charset.Encoding is null)
            {
                warnings.Add($"{where} charset \"{charset.Label}\" {charset.Problem}; ignored");
            }
            else if (charset.Encoding is UTF8Encoding)
            {
                if (utf8.IsMostlyUtf8)
                {
                    return FromUtf8(body, utf8, source, warnings);
                }

                warnings.Add($"{where} said {charset.Label} but the bytes are not UTF-8");
            }
            else if (utf8.IsValid && utf8.MultiByte > 0)
            {
                warnings.Add($"{where} said {charset.Label} but the bytes are UTF-8");
            }
            else if (charset.Font == LegacyFont.None && charset.Encoding.CodePage is 1252 or 28591 or 20127 && LooksLikeWindows1258(body))
            {
                warnings.Add($"{where} said {charset.Label} but the bytes are Vietnamese windows-1258");
            }
            else if (charset.Encoding is UnicodeEncoding && !LooksLikeUtf16(body, charset.Encoding.CodePage == 1201))
            {
                warnings.Add($"{where} said {charset.Label} but the bytes are not UTF-16");
            }
            else
            {
                return FromDeclared(body, charset, source, warnings);
            }
        }

        if (utf8.IsMostlyUtf8)
        {
            return FromUtf8(body, utf8, utf8.NonAscii == 0 ? CharsetSource.Default : CharsetSource.Sniffed, warnings);
        }

        return FromLegacyBytes(body, LegacyCodePageSniffer.Choose(body), CharsetSource.Sniffed, LegacyFont.None, warnings);
    }

    private static DecodedPage FromUtf8(ReadOnlySpan<byte> body, Utf8Evidence utf8, CharsetSource source, List<string> warnings)
    {
        NoteUtf8Damage(utf8, warnings);
        return FromText(Utf8.GetString(body), "utf-8", source, warnings);
    }

    private static DecodedPage FromDeclared(ReadOnlySpan<byte> body, CharsetLabel charset, CharsetSource source, List<string> warnings)
    {
        var encoding = charset.Encoding!;
        if (charset.Font != LegacyFont.None || encoding.CodePage is 1252 or 1258 or 28591 or 20127 or 28605)
        {
            return FromLegacyBytes(body, encoding, source, charset.Font, warnings);
        }

        return Finish(encoding.GetString(body), encoding.WebName, source, LegacyFont.None, warnings);
    }

    /// <summary>
    /// Single-byte Western or Vietnamese bytes: the font detector looks at their windows-1252 reading,
    /// which is how TCVN3 and VNI bytes were meant to be seen, whatever the code page chosen.
    /// </summary>
    private static DecodedPage FromLegacyBytes(ReadOnlySpan<byte> body, Encoding encoding, CharsetSource source, LegacyFont declared, List<string> warnings)
    {
        var western = Windows1252.GetString(body);
        var guess = LegacyFontDetector.Detect(western, declared);
        if (source == CharsetSource.Sniffed)
        {
            var chosen = guess.Confident ? Windows1252 : encoding;
            warnings.Add(chosen.CodePage == 1258
                ? "not valid UTF-8; read as windows-1258 (Vietnamese legacy code page)"
                : $"not valid UTF-8; read as {chosen.WebName}");
        }

        if (guess.Confident)
        {
            warnings.Add($"{Name(guess.Font)} text converted");
            return Finish(LegacyFontConverter.ToUnicode(western, guess.Font), Windows1252.WebName, source, guess.Font, warnings);
        }

        NoteUnsure(guess, warnings);
        if (declared != LegacyFont.None && guess.Font != declared)
        {
            warnings.Add($"the charset names {Name(declared)} but the text does not look like it: left as windows-1252");
        }

        return Finish(encoding.GetString(body), encoding.WebName, source, LegacyFont.None, warnings);
    }

    /// <summary>Text already in Unicode (UTF-8, UTF-16): TCVN3 or VNI may still be in it as windows-1252 characters.</summary>
    private static DecodedPage FromText(string text, string encoding, CharsetSource source, List<string> warnings)
    {
        var guess = LegacyFontDetector.Detect(text);
        if (guess.Confident)
        {
            warnings.Add($"{Name(guess.Font)} text converted");
            return Finish(LegacyFontConverter.ToUnicode(text, guess.Font), encoding, source, guess.Font, warnings);
        }

        NoteUnsure(guess, warnings);
        return Finish(text, encoding, source, LegacyFont.None, warnings);
    }

    private static DecodedPage Finish(string text, string encoding, CharsetSource source, LegacyFont font, List<string> warnings)
    {
        var controls = text.Count(c => char.IsControl(c) && !char.IsWhiteSpace(c));
        if (controls > 0 && controls * 50 > text.Length)
        {
            warnings.Add($"{controls} control characters: this looks like binary data, not text");
        }

        return new DecodedPage(TextNormalizer.Nfc(text), encoding, source, font, warnings);
    }

    private static void NoteUtf8Damage(Utf8Evidence utf8, List<string> warnings)
    {
        if (utf8.Invalid > 0)
        {
            warnings.Add($"{utf8.Invalid} malformed UTF-8 sequence(s) replaced with U+FFFD");
        }

        if (utf8.TruncatedTail)
        {
            warnings.Add("the body ends in the middle of a UTF-8 character (truncated?)");
        }
    }

    private static void NoteUnsure(LegacyFontGuess guess, List<string> warnings)
    {
        if (guess.Font != LegacyFont.None && !guess.Confident)
        {
            warnings.Add($"looks like {Name(guess.Font)} but unsure: left as is");
        }
    }

    private static string Name(LegacyFont font) => font == LegacyFont.Tcvn3 ? "TCVN3" : "VNI";

    /// <summary>Clearly windows-1258, and not TCVN3 or VNI (whose bytes can pass for it).</summary>
    private static bool LooksLikeWindows1258(ReadOnlySpan<byte> body) =>
        LegacyCodePageSniffer.IsClearlyVietnamese(body) && !LegacyFontDetector.Detect(Windows1252.GetString(body)).Confident;

    /// <summary>UTF-16 without a BOM: ASCII-range text leaves a zero in every other byte.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> body, bool bigEndian)
    {
        var sample = body[..Math.Min(body.Length, 4096)];
        var zeros = 0;
        for (var i = bigEndian ? 0 : 1; i < sample.Length; i += 2)
        {
            zeros += sample[i] == 0 ? 1 : 0;
        }

        return sample.Length >= 2 && zeros * 4 >= sample.Length / 2;
    }
}
