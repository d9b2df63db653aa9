using System.Collections.Frozen;
using System.Text;

namespace Pipeline.Core.Text;

/// <summary>
/// A lowercased copy of a text, the same length, with each syllable's tone mark moved to one
/// canonical vowel, so "hoà"/"hòa", "thuỷ"/"thủy" and "Qúy"/"Quý" match alike while every offset
/// still points into the original. A primitive of the language every stage shares: the extractor
/// matches its cue words on it, the search index spells its exact field with it.
/// </summary>
public static class ToneKey
{
    private const string ToneMarks = "\u0300\u0301\u0303\u0309\u0323";

    // Toned vowel -> (toneless vowel, tone mark); built from Unicode decomposition, not typed by hand.
    private static readonly FrozenDictionary<char, (char Bare, char Tone)> Toned;
    private static readonly FrozenDictionary<(char Bare, char Tone), char> Apply;
    private static readonly FrozenSet<char> Vowels;
    private static readonly FrozenSet<char> Marked = "âăêôơư".ToFrozenSet();

    static ToneKey()
    {
        var toned = new Dictionary<char, (char, char)>();
        var apply = new Dictionary<(char, char), char>();
        var vowels = new HashSet<char>();
        foreach (var bare in "aăâeêioôơuưy")
        {
            vowels.Add(bare);
            foreach (var tone in ToneMarks)
            {
                var composed = (bare.ToString() + tone).Normalize(NormalizationForm.FormC);
                if (composed.Length == 1)
                {
                    toned[composed[0]] = (bare, tone);
                    apply[(bare, tone)] = composed[0];
                    vowels.Add(composed[0]);
                }
            }
        }

        Toned = toned.ToFrozenDictionary();
        Apply = apply.ToFrozenDictionary();
        Vowels = vowels.ToFrozenSet();
    }

    /// <summary>The text lowercased, each syllable's tone mark on its canonical vowel; the same length as <paramref name="text"/>.</summary>
    public static string Fold(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = char.ToLowerInvariant(text[i]);
        }

        var start = -1;
        var toned = false;
        for (var i = 0; i <= chars.Length; i++)
        {
            var isLetter = i < chars.Length && char.IsLetter(chars[i]);
            if (isLetter && start < 0)
            {
                start = i;
                toned = false;
            }

            if (isLetter)
            {
                toned |= chars[i] > '\u007F'; // a syllable of plain ASCII letters carries no tone mark
            }
            else if (start >= 0)
            {
                if (toned)
                {
                    FoldSyllable(chars, start, i);
                }

                start = -1;
            }
        }

        return new string(chars);
    }

    private static void FoldSyllable(char[] s, int start, int end)
    {
        // Find the vowel cluster, skipping the consonantal u of "qu" and i of "gi".
        var first = start;
        while (first < end && !Vowels.Contains(s[first]))
        {
            first++;
        }

        if (first >= end)
        {
            return;
        }

        var prev = first > start ? s[first - 1] : '\0';
        var last = first;
        while (last + 1 < end && Vowels.Contains(s[last + 1]))
        {
            last++;
        }

        var clusterStart = first;
        if (last > first && ((prev == 'q' && Bare(s[first]) == 'u') || (prev == 'g' && Bare(s[first]) == 'i')))
        {
            first++;
        }

        // The tone may sit on the consonantal u/i ("Qúy"); it is looked for over the whole cluster.
        var toneAt = -1;
        var tone = '\0';
        for (var i = clusterStart; i <= last; i++)
        {
            if (Toned.TryGetValue(s[i], out var t))
            {
                if (toneAt >= 0)
                {
                    return; // two tone marks: not a Vietnamese syllable, leave it be
                }

                toneAt = i;
                tone = t.Tone;
            }
        }

        if (toneAt < 0)
        {
            return;
        }

        var target = CanonicalPosition(s, first, last, end);
        if (target == toneAt)
        {
            return;
        }

        s[toneAt] = Bare(s[toneAt]);
        if (Apply.TryGetValue((Bare(s[target]), tone), out var moved))
        {
            s[target] = moved;
        }
    }

    /// <summary>The "new style" placement: marked vowel first; then oa/oe/uy on their second vowel.</summary>
    private static int CanonicalPosition(char[] s, int first, int last, int end)
    {
        for (var i = last; i >= first; i--)
        {
            if (Marked.Contains(Bare(s[i])))
            {
                return i;
            }
        }

        var count = last - first + 1;
        if (count == 1)
        {
            return first;
        }

        if (count >= 3)
        {
            return first + 1;
        }

        var closed = last + 1 < end;
        var pair = string.Concat(Bare(s[first]), Bare(s[last]));
        return closed || pair is "oa" or "oe" or "uy" ? last : first;
    }

    private static char Bare(char c) => Toned.TryGetValue(c, out var t) ? t.Bare : c;
}
