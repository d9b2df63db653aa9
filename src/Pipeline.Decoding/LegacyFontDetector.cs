using System.Text.RegularExpressions;

namespace Pipeline.Decoding;

/// <summary>What the detector makes of a text: which font encoding, if any, and whether it is sure enough to convert.</summary>
public sealed record LegacyFontGuess(LegacyFont Font, bool Confident, int Evidence, int Words)
{
    public static readonly LegacyFontGuess None = new(LegacyFont.None, false, 0, 0);
}

/// <summary>
/// Recognises TCVN3 and VNI text in its windows-1252 form. Each counts only characters that ordinary
/// English, French and Unicode Vietnamese text do not produce in that position: for TCVN3 the
/// symbols ¨ © « ® µ ¸ ... inside words and capitals after a lower-case letter ("nghiÖp"); for VNI the
/// codes ñ ö æ and base-plus-mark pairs ("aù", "eä") other than those Unicode Vietnamese or French
/// also write. Font names (.VnTime, VNI-Times) in the markup or a declared label lower the bar.
/// </summary>
public static partial class LegacyFontDetector
{
    private const string TcvnSymbols = "¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹¼½¾×÷";

    // Ă Â Đ ă â đ never end a Vietnamese syllable, so these only count before a letter: "Microsoft®" is no evidence.
    private const string TcvnNeverLast = "¡¢§¨©®";

    // Ì Ò Þ are windows-1258's combining grave, hook and tilde: 1258 Vietnamese puts them after lower-case letters too.
    private const string NotTcvnEvidence = "ÌÒÞ";

    private const string VniSingles = "ñÑöÖæÆ";

    // Pairs that also occur outside VNI are no evidence (though converted in VNI text): older Unicode
    // spelling puts the tone on the o of "oa" (hoà, khoá, hoã), and French has où, goût, naïf, Hanoï, aéroport, Noël.
    private static readonly HashSet<string> VniPairsAlsoElsewhere = ["oà", "oá", "oã", "où", "oû", "aï", "oï", "aé", "aë", "eû", "uï", "eï"];

    /// <summary>Guesses the font encoding of <paramref name="text"/>; <paramref name="declared"/> is what a charset label claimed.</summary>
    public static LegacyFontGuess Detect(string text, LegacyFont declared = LegacyFont.None)
    {
        var tcvn = TcvnEvidence(text);
        var vni = VniEvidence(text);
        if (tcvn == 0 && vni == 0)
        {
            return LegacyFontGuess.None;
        }

        var (font, score) = tcvn >= vni ? (LegacyFont.Tcvn3, tcvn) : (LegacyFont.Vni, vni);

        // Real Unicode Vietnamese outnumbering the evidence means the evidence is incidental.
        if (UnicodeVietnamese(text) > score)
        {
            return LegacyFontGuess.None;
        }

        var hinted = declared == font || (declared == LegacyFont.None && FontHint(text) == font);
        var words = Words(text);
        var confident = (score >= 3 && score * 10 >= words) || (hinted && score >= 1);
        var unsure = !confident && score >= 2 && score * 33 >= words;
        return confident || unsure ? new LegacyFontGuess(font, confident, score, words) : LegacyFontGuess.None;
    }

    /// <summary>The font encoding named by a font face in the markup (.VnTime, .VnArial, VNI-Times), if any.</summary>
    public static LegacyFont FontHint(string text)
    {
        var tcvn = TcvnFontName().IsMatch(text);
        var vni = VniFontName().IsMatch(text);
        return tcvn == vni ? LegacyFont.None : tcvn ? LegacyFont.Tcvn3 : LegacyFont.Vni;
    }

    private static int TcvnEvidence(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var prev = i > 0 ? text[i - 1] : ' ';
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            if (TcvnSymbols.Contains(c))
            {
                // « also opens French quotations, so only inside a word; the rest may start one ("®Çu").
                var inWord = char.IsLetter(prev) && (char.IsLetter(next) || !TcvnNeverLast.Contains(c));
                if (inWord || (c != '«' && !char.IsLetterOrDigit(prev) && char.IsLetter(next)))
                {
                    count++;
                }
            }
            else if (c is >= 'À' and <= 'Þ' && !NotTcvnEvidence.Contains(c) && char.IsLower(prev))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Pairs, plus single codes up to as many as the pairs: ñ and ö alone are just Spanish or German.</summary>
    private static int VniEvidence(string text)
    {
        int pairs = 0, singles = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            if (next >= 'À' && VniTable.Pairs.ContainsKey(string.Concat(c, next)))
            {
                if (!VniPairsAlsoElsewhere.Contains(string.Concat(char.ToLowerInvariant(c), char.ToLowerInvariant(next))))
                {
                    pairs++;
                }

                i++;
            }
            else if (VniSingles.Contains(c) && (char.IsLetter(next) || (i > 0 && char.IsLetter(text[i - 1]))))
            {
                singles++;
            }
        }

        return pairs + Math.Min(singles, pairs);
    }

    private static int UnicodeVietnamese(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is 'ă' or 'Ă' or 'đ' or 'Đ' or 'ĩ' or 'Ĩ' or 'ũ' or 'Ũ' or 'ơ' or 'Ơ' or 'ư' or 'Ư'
                or (>= '\u1EA0' and <= '\u1EF9') or '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323')
            {
                count++;
            }
        }

        return count;
    }

    private static int Words(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                words++;
            }
        }

        return words;
    }

    [GeneratedRegex(@"(?<![\w.])\.Vn[A-Z][a-z]")]
    private static partial Regex TcvnFontName();

    [GeneratedRegex(@"\bVNI[- ][A-Z][a-z]")]
    private static partial Regex VniFontName();
}
