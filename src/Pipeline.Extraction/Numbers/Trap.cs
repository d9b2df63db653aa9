using System.Text.RegularExpressions;

namespace Pipeline.Extraction.Numbers;

/// <summary>
/// A named pattern for text whose digits are never figures (dates, document numbers, standards,
/// phone numbers, file names). Each carries example phrasings that the tests run.
/// </summary>
public sealed record Trap(string Name, Regex Pattern, IReadOnlyList<string> Examples, IReadOnlyList<string>? Needs = null)
{
    /// <summary>Whether the pattern can match at all: a trap whose literal is absent is not run.</summary>
    public bool MayMatch(string key) => Needs is null || Needs.Any(n => key.Contains(n, StringComparison.Ordinal));

    // Every pattern starts at a token boundary (a look-behind) so that a long run of digits or
    // letters is scanned once, not once per position: 10 MB of digits must stay linear.
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    /// <summary>The traps in the order they are applied; patterns run over the folded match key.</summary>
    public static readonly IReadOnlyList<Trap> All =
    [
        new("image-file", new Regex(@"(?<![\p{L}\p{N}_\-.])[\p{L}\p{N}_\-]+(?:\.[\p{L}\p{N}_\-]+)*\.(?:jpe?g|png|gif|bmp|webp|tiff?|svg)\b", Options),
            ["IMG_1709.jpg", "anh-hoi-nghi-2023.png"], [".jp", ".png", ".gif", ".bmp", ".webp", ".tif", ".svg"]),
        new("url-or-email", new Regex(@"(?:https?://|www\.)\S+|(?<![\w.\-])[\w.\-]+@[\w\-]+\.[\w.\-]+", Options),
            ["http://banqlkcn.gov.vn/tin/2020/12/30", "lienhe2020@bqlkcn.gov.vn"], ["http", "www.", "@"]),
        new("standard", new Regex(@"\b(?:iso|tcvn|qcvn|iec|ohsas|astm|jis|sa(?= ))\s*-?\s*\d[\d.]*(?:\s*[:\-]\s*\d{4})?", Options),
            ["ISO 9001: 2015", "ISO 14001:2015", "TCVN 5945:2005"], ["iso", "tcvn", "qcvn", "iec", "ohsas", "astm", "jis", "sa "]),
        new("clock-time", new Regex(@"(?<!\d|\d[.,])\d{1,2}(?::\d{2}){1,2}(?!\d|[.,]\d)|(?<!\d|\d[.,])\d{1,2}h\d{0,2}\b", Options),
            ["08:31 SA", "lúc 14h30"]),
        new("phone-number", new Regex(@"\(\s*0\d{2,3}\s*\)\s*\d{3,4}[.\s\-]?\d{3,4}|(?<!\d|\d[.,])(?:\+84|0)\d{1,3}[.\s\-]?\d{3,4}[.\s\-]?\d{3,4}(?!\d|[.,]\d)", Options),
            ["0251.3822.456", "(0296) 3852 123", "0913 456 789"]),
        new("slash-code", new Regex(@"(?<![\p{L}\d])\d+(?:[.,]\d+)*(?:\s?/\s?[\p{L}\d][\p{L}\d.,\-]*)+|(?<=\p{L})/\d+", Options),
            ["30/12/2020", "4622/UBND-KT", "1627/QĐ-TTg", "1/2.000", "12/16 khu", "tháng 6/2023", "quý I/2020"]),
        // "VND1000-VND2000" is a range of money, not a code: a currency glued to digits after the dash.
        new("dash-code", new Regex(@"(?<![\d.,])\d+-(?!(?:usd|vnd|vnđ|eur|gbp|inr)\d)\p{L}[\p{L}\d\-/]*", Options),
            ["27-CT/TU"], ["-"]),
        // Anchored on the dash so the engine skips straight to it: "Covid-19", "Covid -19", "CN-05", "QL1A/-2".
        // A dash at the start of a line or after "(" or ":" is a minus sign: "-1200000", "(-5%)".
        new("name-dash-number", new Regex(@"(?<=\p{L}\s?)-\s?\d+|(?<=[^\d\s(\[:;,])-\d+", Options),
            ["Covid-19", "Covid -19", "CN-05", "QL1A/-2"], ["-"]),
        new("year-span", new Regex(@"(?<!\d|\d[.,])(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)?\d{2}(?!\d|[.,]\d)", Options),
            ["2016-2020", "2021 – 2025"]),
        new("footnote", new Regex(@"(?<=\d)\(\d{1,2}\)", Options),
            ["110.764(1)"]),
    ];
}
