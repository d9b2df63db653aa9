using System.Text;
using Pipeline.Extraction.Text;

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
    public static string Exact(string word) => MatchKey.Fold(word.IsNormalized() ? word : word.Normalize(NormalizationForm.FormC));

    /// <summary>Tone marks dropped; vowel shapes and đ kept: "tăng trưởng" → "tăng trương".</summary>
    public static string Tones(string word) => Strip(Exact(word), keepShapes: true);

    /// <summary>Plain ASCII: "Đồng Nai" → "dong nai". Marks are removed after decomposition,
    /// because ASCII folding alone leaves combining marks in place.</summary>
    public static string Full(string word) => Strip(Exact(word), keepShapes: false);

    private static string Strip(string word, bool keepShapes)
    {
        var ascii = true;
        foreach (var c in word)
        {
            if (c > '\u007F')
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return word;
        }

        var sb = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (ToneMarks.Contains(c))
            {
                continue;
            }

            if (!keepShapes && (c is '\u0302' or '\u0306' or '\u031B' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark))
            {
                continue;
            }

            sb.Append(!keepShapes && c is 'đ' or 'Đ' ? 'd' : c);
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
