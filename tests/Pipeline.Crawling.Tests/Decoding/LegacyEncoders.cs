using System.Text;
using Pipeline.Decoding;

namespace Pipeline.Crawling.Tests.Decoding;

/// <summary>Test-only encoders: Unicode text to the bytes a legacy Vietnamese page would hold.</summary>
internal static class LegacyEncoders
{
    static LegacyEncoders() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>
    /// windows-1258 bytes as a Vietnamese word processor wrote them: letters with a hat, horn or breve
    /// precomposed where the code page has them, tones as separate combining marks.
    /// </summary>
    public static byte[] Windows1258(string text)
    {
        var sb = new StringBuilder();
        foreach (var letter in text.Normalize(NormalizationForm.FormC))
        {
            var parts = letter.ToString().Normalize(NormalizationForm.FormD);
            var shaped = new string([.. parts.Where(c => c is not ('\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323'))]);
            sb.Append(shaped.Normalize(NormalizationForm.FormC));
            sb.Append([.. parts.Where(c => c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323')]);
        }

        return Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes(sb.ToString());
    }

    /// <summary>
    /// TCVN3 bytes by inverting <see cref="Tcvn3Table"/>. A toned capital has no code: its lower-case
    /// code is written, as with the .VnTimeH capitals font.
    /// </summary>
    public static byte[] Tcvn3(string text)
    {
        var inverse = Tcvn3Table.ToUnicode.Where(p => p.Value is < '\u0300' or > '\u036F').ToDictionary(p => p.Value, p => p.Key);
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c < 0x80)
            {
                sb.Append(c);
            }
            else if (inverse.TryGetValue(c, out var code) || inverse.TryGetValue(char.ToLowerInvariant(c), out code))
            {
                sb.Append(code);
            }
            else
            {
                throw new ArgumentException($"TCVN3 has no code for '{c}'", nameof(text));
            }
        }

        return Windows1252.GetBytes(sb.ToString());
    }

    /// <summary>VNI bytes by inverting <see cref="VniTable"/>: single codes first, then all-lower or all-capital pairs.</summary>
    public static byte[] Vni(string text)
    {
        var inverse = new Dictionary<char, string>();
        foreach (var (code, letter) in VniTable.Singles)
        {
            inverse.TryAdd(letter, code.ToString());
        }

        foreach (var (pair, letter) in VniTable.Pairs)
        {
            if (pair == pair.ToLowerInvariant() || pair == pair.ToUpperInvariant())
            {
                inverse.TryAdd(letter, pair);
            }
        }

        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c < 0x80)
            {
                sb.Append(c);
            }
            else if (inverse.TryGetValue(c, out var code))
            {
                sb.Append(code);
            }
            else
            {
                throw new ArgumentException($"VNI has no code for '{c}'", nameof(text));
            }
        }

        return Windows1252.GetBytes(sb.ToString());
    }
}
