using System.Buffers;
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

    /// <summary>
    /// Lists every offset where a match could start (more is harmless, fewer is not), found from the character every
    /// match holds ('/', ':' or 'h', '-', ".png"); null when the pattern is run over the whole text.
    /// </summary>
    internal Action<string, List<int>>? Starts { get; init; }

    private Regex? _anchored;

    /// <summary>
    /// The pattern's matches, as <c>Pattern.EnumerateMatches(key)</c> gives them. With <see cref="Starts"/>, the pattern is
    /// tried only at those offsets, anchored there (\G), left to right and from the end of the last match on: the
    /// engine's own left-to-right search, minus the offsets where no match can start.
    /// </summary>
    internal void AddMatches(string key, List<(int Start, int End, string Reason)> spans, List<int> starts)
    {
        if (Starts is null)
        {
            foreach (var m in Pattern.EnumerateMatches(key))
            {
                spans.Add((m.Index, m.Index + m.Length, Name));
            }

            return;
        }

        var anchored = _anchored ??= new Regex(@"\G(?:" + Pattern + ")", Pattern.Options);
        starts.Clear();
        Starts(key, starts);
        starts.Sort();
        var from = 0;
        var tried = -1;
        foreach (var at in starts)
        {
            if (at < from || at == tried)
            {
                continue;
            }

            tried = at;
            foreach (var m in anchored.EnumerateMatches(key, at))
            {
                spans.Add((m.Index, m.Index + m.Length, Name));
                from = m.Index + m.Length;
                break;
            }
        }
    }

    // Every pattern starts at a token boundary (a look-behind) so that a long run of digits or
    // letters is scanned once, not once per position: 10 MB of digits must stay linear.
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    private static readonly string[] ImageExtensions = [".jp", ".png", ".gif", ".bmp", ".webp", ".tif", ".svg"];
    private static readonly SearchValues<string> ImageExtensionValues = SearchValues.Create(ImageExtensions, StringComparison.Ordinal);

    /// <summary>The traps in the order they are applied; patterns run over the folded match key.</summary>
    public static readonly IReadOnlyList<Trap> All =
    [
        new("image-file", new Regex(@"(?<![\p{L}\p{N}_\-.])[\p{L}\p{N}_\-]+(?:\.[\p{L}\p{N}_\-]+)*\.(?:jpe?g|png|gif|bmp|webp|tiff?|svg)\b", Options),
            ["IMG_1709.jpg", "anh-hoi-nghi-2023.png"], ImageExtensions) { Starts = ImageFileStarts },
        new("url-or-email", new Regex(@"(?:https?://|www\.)\S+|(?<![\w.\-])[\w.\-]+@[\w\-]+\.[\w.\-]+", Options),
            ["http://banqlkcn.gov.vn/tin/2020/12/30", "lienhe2020@bqlkcn.gov.vn"], ["http", "www.", "@"]),
        new("standard", new Regex(@"\b(?:iso|tcvn|qcvn|iec|ohsas|astm|jis|sa(?= ))\s*-?\s*\d[\d.]*(?:\s*[:\-]\s*\d{4})?", Options),
            ["ISO 9001: 2015", "ISO 14001:2015", "TCVN 5945:2005"], ["iso", "tcvn", "qcvn", "iec", "ohsas", "astm", "jis", "sa "]),
        new("clock-time", new Regex(@"(?<!\d|\d[.,])\d{1,2}(?::\d{2}){1,2}(?!\d|[.,]\d)|(?<!\d|\d[.,])\d{1,2}h\d{0,2}\b", Options),
            ["08:31 SA", "lúc 14h30"]) { Starts = ClockTimeStarts },
        new("phone-number", new Regex(@"\(\s*0\d{2,3}\s*\)\s*\d{3,4}[.\s\-]?\d{3,4}|(?<!\d|\d[.,])(?:\+84|0)\d{1,3}[.\s\-]?\d{3,4}[.\s\-]?\d{3,4}(?!\d|[.,]\d)", Options),
            ["0251.3822.456", "(0296) 3852 123", "0913 456 789"]),
        new("slash-code", new Regex(@"(?<![\p{L}\d])\d+(?:[.,]\d+)*(?:\s?/\s?[\p{L}\d][\p{L}\d.,\-]*)+|(?<=\p{L})/\d+", Options),
            ["30/12/2020", "4622/UBND-KT", "1627/QĐ-TTg", "1/2.000", "12/16 khu", "tháng 6/2023", "quý I/2020"]) { Starts = SlashCodeStarts },
        // "VND1000-VND2000" is a range of money, not a code: a currency glued to digits after the dash.
        new("dash-code", new Regex(@"(?<![\d.,])\d+-(?!(?:usd|vnd|vnđ|eur|gbp|inr)\d)\p{L}[\p{L}\d\-/]*", Options),
            ["27-CT/TU"], ["-"]) { Starts = DashCodeStarts },
        // Anchored on the dash so the engine skips straight to it: "Covid-19", "Covid -19", "CN-05", "QL1A/-2".
        // A dash at the start of a line or after "(" or ":" is a minus sign: "-1200000", "(-5%)".
        new("name-dash-number", new Regex(@"(?<=\p{L}\s?)-\s?\d+|(?<=[^\d\s(\[:;,])-\d+", Options),
            ["Covid-19", "Covid -19", "CN-05", "QL1A/-2"], ["-"]),
        new("year-span", new Regex(@"(?<!\d|\d[.,])(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)?\d{2}(?!\d|[.,]\d)", Options),
            ["2016-2020", "2021 – 2025"]),
        new("footnote", new Regex(@"(?<=\d)\(\d{1,2}\)", Options),
            ["110.764(1)"]),
    ];

    // Where each pattern can start. \d is char.IsDigit, \p{L} char.IsLetter, \p{N} char.IsNumber, \s char.IsWhiteSpace.

    // "...\.(?:jpe?g|png|…)": a name of letters, digits, '_', '-' and dots, starting where that run starts, before an extension.
    private static void ImageFileStarts(string key, List<int> starts)
    {
        for (var q = key.AsSpan().IndexOfAny(ImageExtensionValues); q >= 0;)
        {
            var r = q;
            while (r > 0 && (char.IsLetter(key[r - 1]) || char.IsNumber(key[r - 1]) || key[r - 1] is '_' or '-' or '.'))
            {
                r--;
            }

            starts.Add(r);
            var next = key.AsSpan(q + 1).IndexOfAny(ImageExtensionValues);
            q = next < 0 ? -1 : q + 1 + next;
        }
    }

    // One or two digits right before ':' (08:31) or 'h' (14h30).
    private static void ClockTimeStarts(string key, List<int> starts)
    {
        for (var q = key.AsSpan().IndexOfAny(':', 'h'); q >= 0; q = Next(key, q))
        {
            if (q >= 2 && char.IsDigit(key[q - 2]) && char.IsDigit(key[q - 1]))
            {
                starts.Add(q - 2);
            }

            if (q >= 1 && char.IsDigit(key[q - 1]))
            {
                starts.Add(q - 1);
            }
        }
    }

    private static int Next(string key, int q)
    {
        var next = key.AsSpan(q + 1).IndexOfAny(':', 'h');
        return next < 0 ? -1 : q + 1 + next;
    }

    // "4622/UBND", "30/12/2020", "1,5 / 2": digits (with '.' or ',' groups, one blank at most) before a '/'; or the '/' itself.
    private static void SlashCodeStarts(string key, List<int> starts)
    {
        for (var q = key.IndexOf('/'); q >= 0; q = key.IndexOf('/', q + 1))
        {
            var b = q > 0 && char.IsWhiteSpace(key[q - 1]) ? q - 1 : q;
            for (var p = b - 1; p >= 0 && (char.IsDigit(key[p]) || key[p] is '.' or ','); p--)
            {
                if (char.IsDigit(key[p]) && (p == 0 || !char.IsLetter(key[p - 1]) && !char.IsDigit(key[p - 1])))
                {
                    starts.Add(p);
                }
            }

            starts.Add(q);
        }
    }

    // "27-CT": the digit run right before a '-'.
    private static void DashCodeStarts(string key, List<int> starts)
    {
        for (var q = key.IndexOf('-'); q >= 0; q = key.IndexOf('-', q + 1))
        {
            var r = q;
            while (r > 0 && char.IsDigit(key[r - 1]))
            {
                r--;
            }

            if (r < q)
            {
                starts.Add(r);
            }
        }
    }
}
