using System.Text;

namespace Pipeline.Search.Analysis;

/// <summary>
/// Reads ASCII typed in Telex as Vietnamese: dd→đ, aa→â, aw→ă, ee→ê, oo→ô, ow→ơ, uw→ư, and a
/// tone letter (s sắc, f huyền, r hỏi, x ngã, j nặng) at the end of a syllable.
/// "tyr leej laaps ddaayf" → "tỷ lệ lấp đầy". A word with no Telex sign is left as it is.
/// </summary>
public static partial class Telex
{
    // One Vietnamese syllable: an initial, a vowel group, a final.
    [System.Text.RegularExpressions.GeneratedRegex("^(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]+(ch|ng|nh|[cmnpt])?$")]
    private static partial System.Text.RegularExpressions.Regex Syllable();

    private static readonly Dictionary<char, char> Tones = new() { ['s'] = '\u0301', ['f'] = '\u0300', ['r'] = '\u0309', ['x'] = '\u0303', ['j'] = '\u0323' };
    private static readonly (string From, string To)[] Shapes =
        [("dd", "đ"), ("aa", "â"), ("aw", "ă"), ("ee", "ê"), ("oo", "ô"), ("ow", "ơ"), ("uw", "ư"), ("w", "ư")];

    /// <summary>The Vietnamese reading of a Telex-typed text, or null when nothing in it is Telex.</summary>
    public static string? Read(string text)
    {
        if (text.Any(c => c > '\u007F'))
        {
            return null;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var changed = false;
        var result = new string[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            result[i] = Word(words[i].ToLowerInvariant());
            changed |= result[i] != words[i].ToLowerInvariant();
        }

        return changed ? string.Join(' ', result) : null;
    }

    private static string Word(string w)
    {
        if (w.Length < 2 || !w.All(char.IsAsciiLetter))
        {
            return w;
        }

        var typed = w;

        // s f r x j are never final consonants, so one standing after the first vowel is a tone
        // letter wherever it was typed ("ddaayf" and "ddaafy" are both "đầy"); before it, an initial ("sản").
        char? tone = null;
        var firstVowel = w.IndexOfAny("aeiouy".ToCharArray());
        for (var i = Math.Max(firstVowel, 0) + 1; firstVowel >= 0 && i < w.Length; i++)
        {
            if (Tones.TryGetValue(w[i], out var t))
            {
                tone = t;
                w = w.Remove(i, 1);
                break;
            }
        }

        foreach (var (from, to) in Shapes)
        {
            // "w" alone is ư only where no other shape used it ("uw", "ow", "aw" come first).
            w = from == "w" ? w.Replace("w", to) : w.Replace(from, to);
        }

        if (!Syllable().IsMatch(w))
        {
            // Not one syllable: an abbreviation such as "gcnddkddt" (GCNĐKĐT) or "atvsldd" keeps its letters; only dd is đ.
            return typed.Replace("dd", "đ");
        }

        if (tone is null)
        {
            return w;
        }

        var placed = Pipeline.Core.Text.ToneKey.Fold(PlaceOnLastVowel(w, tone.Value));
        return placed;
    }

    // Put the mark on a vowel and let ToneKey move it to the canonical one for the syllable.
    private static string PlaceOnLastVowel(string w, char tone)
    {
        var vowels = "aăâeêioôơuưy";
        var at = -1;
        for (var i = 0; i < w.Length; i++)
        {
            if (vowels.Contains(w[i]))
            {
                at = i;
                if (w[i] is 'ă' or 'â' or 'ê' or 'ô' or 'ơ' or 'ư')
                {
                    break;
                }
            }
        }

        if (at < 0)
        {
            return w;
        }

        var sb = new StringBuilder(w);
        sb[at] = (w[at] + tone.ToString()).Normalize(NormalizationForm.FormC)[0];
        return sb.ToString();
    }
}
