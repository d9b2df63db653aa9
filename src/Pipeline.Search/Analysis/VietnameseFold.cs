using System.Text;
using Pipeline.Core.Text;

namespace Pipeline.Search.Analysis;

/// <summary>
/// The three spellings a word is indexed under: exact (lowercased, tone placement unified),
/// tone-folded (tone marks dropped, â ă ê ô ơ ư đ kept) and fully folded (plain ASCII, đ→d).
/// Pure functions: the analyzers and the snippet builder share them.
/// </summary>
public static class VietnameseFold
{
    private const string ToneMarks = "\u0300\u0301\u0303\u0309\u0323";

    /// <summary>Lowercase, NFC, one tone placement (hoà = hòa).</summary>
    public static string Exact(string word) => ToneKey.Fold(Nfc(word));

    /// <summary>Tone marks dropped; vowel shapes and đ kept: "tăng trưởng" → "tăng trương".
    /// (Where a tone sat does not matter once it is dropped, so no tone placement is needed.)</summary>
    public static string Tones(string word) => Strip(Nfc(word), keepShapes: true);

    /// <summary>Plain ASCII: "Đồng Nai" → "dong nai". Marks are removed after decomposition,
    /// because ASCII folding alone leaves combining marks in place.</summary>
    public static string Full(string word) => Strip(Nfc(word), keepShapes: false);

    // Indexed text is NFC already (the extractor cleans it); only text with combining marks is normalised.
    private static string Nfc(string word)
    {
        foreach (var c in word)
        {
            if (c is >= '\u0300' and <= '\u036F')
            {
                return word.Normalize(NormalizationForm.FormC);
            }
        }

        return word;
    }

    // Per-character maps for the Latin letters Vietnamese uses, built once from Unicode decomposition:
    // folding a token is then one table look-up per character, not a normalisation round trip.
    private static readonly char[] ToneMap = BuildMap(keepShapes: true);
    private static readonly char[] FullMap = BuildMap(keepShapes: false);

    private static char[] BuildMap(bool keepShapes)
    {
        var map = new char[0x2000];
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = (char)c;
            if (c < 0x80 || char.IsSurrogate((char)c) || !char.IsLetter((char)c))
            {
                continue;
            }

            var sb = new StringBuilder();
            foreach (var d in ((char)c).ToString().Normalize(NormalizationForm.FormD))
            {
                if (ToneMarks.Contains(d) || (!keepShapes && char.GetUnicodeCategory(d) == System.Globalization.UnicodeCategory.NonSpacingMark))
                {
                    continue;
                }

                sb.Append(d);
            }

            var stripped = sb.ToString().Normalize(NormalizationForm.FormC);
            if (stripped.Length == 1)
            {
                map[c] = stripped[0];
            }
        }

        map['đ'] = keepShapes ? 'đ' : 'd';
        map['Đ'] = keepShapes ? 'Đ' : 'D';
        return map;
    }

    /// <summary>Lowercases and strips in one pass; returns the same string when nothing changes.</summary>
    private static string Strip(string word, bool keepShapes)
    {
        var map = keepShapes ? ToneMap : FullMap;
        var changed = false;
        foreach (var c in word)
        {
            if (char.IsUpper(c) || (c >= 0x80 && c < map.Length && map[c] != c))
            {
                changed = true;
                break;
            }
        }

        if (!changed)
        {
            return word;
        }

        return string.Create(word.Length, word, (span, w) =>
        {
            for (var i = 0; i < w.Length; i++)
            {
                var c = char.ToLowerInvariant(w[i]);
                span[i] = c < map.Length ? map[c] : c;
            }
        });
    }
}
