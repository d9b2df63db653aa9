using System.Text;

namespace Pipeline.Decoding;

/// <summary>A byte order mark: the encoding it names and how many bytes it takes.</summary>
public sealed record ByteOrderMark(Encoding Encoding, int Length)
{
    /// <summary>
    /// The UTF-8, UTF-16LE or UTF-16BE mark at the start of <paramref name="body"/>, or null. UTF-32
    /// marks are not recognised (as in the WHATWG Encoding standard): FF FE 00 00 is read as UTF-16LE.
    /// </summary>
    public static ByteOrderMark? Detect(ReadOnlySpan<byte> body) => body switch
    {
        [0xEF, 0xBB, 0xBF, ..] => new(new UTF8Encoding(false), 3),
        [0xFF, 0xFE, ..] => new(Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => new(Encoding.BigEndianUnicode, 2),
        _ => null,
    };
}
