namespace Pipeline.Decoding;

/// <summary>
/// TCVN 5712:1993 VN3 ("ABC"): the byte values the fonts .VnTime, .VnArial etc. draw as Vietnamese
/// letters, keyed by the character the same byte is in windows-1252 (identical to Latin-1 from 0xA0),
/// since that is how such pages reach us. Bytes below 0xA1 are left as ASCII/windows-1252: the full
/// standard (VN1) puts most toned capitals there and in control codes, which VN3 fonts drop (the
/// companion fonts .VnTimeH etc. draw the lower-case codes as capitals instead). The sixteen VN1
/// capitals that sit in gaps of the 0xA1-0xFF range are kept, as no VN3 letter competes for them.
/// </summary>
public static class Tcvn3Table
{
    // Each row: the windows-1252 characters of the bytes, then the letters they stand for, position by position.
    private static readonly (string Bytes, string Letters)[] Rows =
    [
        // Capitals, then lower case, with a shape mark and no tone (0xA1-0xAE).
        ("¡¢£¤¥¦§", "ĂÂÊÔƠƯĐ"),
        ("¨©ª«¬\u00AD®", "ăâêôơưđ"),

        // The five tone marks on their own (0xB0-0xB4): grave, hook above, tilde, acute, dot below.
        ("°±²³´", "\u0300\u0309\u0303\u0301\u0323"),

        // a, ă, â, each with the tones in that order.
        ("µ¶·¸¹", "àảãáạ"),
        ("»¼½¾Æ", "ằẳẵắặ"),
        ("ÇÈÉÊË", "ầẩẫấậ"),

        // e, ê.
        ("ÌÎÏÐÑ", "èẻẽéẹ"),
        ("ÒÓÔÕÖ", "ềểễếệ"),

        // i.
        ("×ØÜÝÞ", "ìỉĩíị"),

        // o, ô, ơ.
        ("ßáâãä", "òỏõóọ"),
        ("åæçèé", "ồổỗốộ"),
        ("êëìíî", "ờởỡớợ"),

        // u, ư.
        ("ïñòóô", "ùủũúụ"),
        ("õö÷øù", "ừửữứự"),

        // y.
        ("úûüýþ", "ỳỷỹýỵ"),

        // VN1 toned capitals in the gaps: 0xAF, 0xBA, 0xBF-0xC5, 0xCD, 0xD9-0xDB, 0xE0, 0xF0, 0xFF.
        ("¯º¿ÀÁÂÃÄÅÍÙÚÛàðÿ", "ẰẲẴẮẦẨẪẤỀỂỄẾỒỔỖỐ"),
    ];

    /// <summary>windows-1252 character → Vietnamese letter (or, for 0xB0-0xB4, a combining tone mark).</summary>
    public static IReadOnlyDictionary<char, char> ToUnicode { get; } = Rows
        .SelectMany(row => row.Bytes.Zip(row.Letters))
        .ToDictionary(pair => pair.First, pair => pair.Second);
}
