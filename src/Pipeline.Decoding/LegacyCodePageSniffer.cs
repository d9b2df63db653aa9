using System.Text;

namespace Pipeline.Decoding;

/// <summary>
/// Chooses between windows-1258 (Vietnamese) and windows-1252 (Western) for bytes that are not UTF-8.
/// The two agree on ASCII and most accented vowels; they differ on thirteen bytes, which 1258 uses for
/// ă đ ơ ư (both cases) and the five combining tone marks. Vietnamese text puts those tone marks right
/// after a vowel and ă đ ơ ư next to other letters; in Western text the same bytes are rare letters (Ã Ð
/// Õ Ý Ì Ò Þ ...) that do not follow those patterns.
/// </summary>
public static class LegacyCodePageSniffer
{
    static LegacyCodePageSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>windows-1258 when the Vietnamese reading of the differing bytes is the better one, else windows-1252.</summary>
    public static Encoding Choose(ReadOnlySpan<byte> body)
    {
        var (vietnamese, western) = Votes(body);
        return Encoding.GetEncoding(vietnamese > 0 && vietnamese >= western ? 1258 : 1252);
    }

    /// <summary>
    /// Whether the bytes are windows-1258 beyond reasonable doubt, enough to overrule a Western label
    /// (servers often send iso-8859-1 by default): three Vietnamese readings and twice the Western ones.
    /// </summary>
    public static bool IsClearlyVietnamese(ReadOnlySpan<byte> body)
    {
        var (vietnamese, western) = Votes(body);
        return vietnamese >= 3 && vietnamese >= 2 * western;
    }

    private static (int Vietnamese, int Western) Votes(ReadOnlySpan<byte> body)
    {
        int vietnamese = 0, western = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            var prev = i > 0 ? body[i - 1] : (byte)' ';
            var next = i + 1 < body.Length ? body[i + 1] : (byte)' ';
            if (b is 0xCC or 0xEC or 0xD2 or 0xDE or 0xF2)
            {
                if (IsToneableVowel(prev))
                {
                    vietnamese++;
                }
                else
                {
                    western++;
                }
            }
            else if (b is 0xC3 or 0xE3 or 0xD0 or 0xF0 or 0xD5 or 0xF5 or 0xDD or 0xFD)
            {
                // Portuguese ã and õ (the same bytes in 1252) come before a, e, o ("não", "ações"); ă and ơ never do.
                var letterNearby = char.IsAsciiLetter((char)prev) || char.IsAsciiLetter((char)next) || next is 0xCC or 0xEC or 0xD2 or 0xDE or 0xF2;
                if (letterNearby && !"aeoAEO".Contains((char)next))
                {
                    vietnamese++;
                }
                else
                {
                    western++;
                }
            }
        }

        return (vietnamese, western);
    }

    /// <summary>A vowel in windows-1258 that carries no tone yet: ASCII vowels and Â Ă Ê Ô Ơ Ư in both cases.</summary>
    private static bool IsToneableVowel(byte b) =>
        "aeiouyAEIOUY".Contains((char)b) || b is 0xC2 or 0xC3 or 0xCA or 0xD4 or 0xD5 or 0xDD or 0xE2 or 0xE3 or 0xEA or 0xF4 or 0xF5 or 0xFD;
}
