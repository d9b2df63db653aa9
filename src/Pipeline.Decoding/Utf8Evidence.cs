namespace Pipeline.Decoding;

/// <summary>
/// What a strict UTF-8 reading (RFC 3629: no overlongs, surrogates or values past U+10FFFF) finds in
/// a body: how many multi-byte characters are well formed, how many sequences are not, and whether
/// the body stops in the middle of a character (a truncated download).
/// </summary>
public readonly record struct Utf8Evidence(int NonAscii, int MultiByte, int Invalid, bool TruncatedTail)
{
    /// <summary>Every byte belongs to a well-formed character (a cut-off last character aside).</summary>
    public bool IsValid => Invalid == 0;

    /// <summary>
    /// Valid, or UTF-8 with a few damaged sequences: at least eight good multi-byte characters per bad
    /// sequence. Legacy single-byte text almost never forms even one good multi-byte sequence.
    /// </summary>
    public bool IsMostlyUtf8 => Invalid == 0 || MultiByte >= 8 * Invalid;

    public static Utf8Evidence Measure(ReadOnlySpan<byte> body)
    {
        int nonAscii = 0, multiByte = 0, invalid = 0;
        var truncated = false;
        var i = 0;
        while (i < body.Length)
        {
            var b = body[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            nonAscii++;
            var (length, low, high) = b switch
            {
                >= 0xC2 and <= 0xDF => (2, 0x80, 0xBF),
                0xE0 => (3, 0xA0, 0xBF),
                0xED => (3, 0x80, 0x9F),
                >= 0xE1 and <= 0xEF => (3, 0x80, 0xBF),
                0xF0 => (4, 0x90, 0xBF),
                >= 0xF1 and <= 0xF3 => (4, 0x80, 0xBF),
                0xF4 => (4, 0x80, 0x8F),
                _ => (0, 0, 0),
            };
            if (length == 0)
            {
                invalid++;
                i++;
                continue;
            }

            // The second byte has a lead-specific range; the rest are plain continuation bytes.
            var good = 1;
            while (good < length && i + good < body.Length)
            {
                var c = body[i + good];
                var (min, max) = good == 1 ? (low, high) : (0x80, 0xBF);
                if (c < min || c > max)
                {
                    break;
                }

                good++;
            }

            if (good == length)
            {
                multiByte++;
            }
            else if (i + good == body.Length)
            {
                truncated = true;
            }
            else
            {
                invalid++;
            }

            i += good;
        }

        return new Utf8Evidence(nonAscii, multiByte, invalid, truncated);
    }
}
