namespace Pipeline.Extraction.Numbers;

/// <summary>
/// Reads Vietnamese number words by the grammar of the language: groups of hundreds, tens and
/// units ("bảy trăm hai mươi mốt"), joined by scale words that stack ("nghìn", "triệu", "tỷ",
/// "nghìn tỷ"). The tables are in <see cref="Lexicon"/>; words arrive folded by the match key.
/// </summary>
public static class SpelledNumber
{
    private static string Fold(string s) => Text.MatchKey.Fold(s);

    private static readonly Dictionary<string, int> Digits = Lexicon.DigitWords.ToDictionary(kv => Fold(kv.Key), kv => kv.Value);
    private static readonly Dictionary<string, int> AfterTens = Lexicon.DigitsAfterTens.ToDictionary(kv => Fold(kv.Key), kv => kv.Value);
    private static readonly HashSet<string> Tens = Lexicon.TensWords.Select(Fold).ToHashSet();
    private static readonly HashSet<string> ZeroTens = Lexicon.ZeroTens.Select(Fold).ToHashSet();
    private static readonly Dictionary<string, decimal> Scales = Lexicon.WordScales.ToDictionary(kv => Fold(kv.Key), kv => kv.Value);
    private static readonly string Ten = Fold(Lexicon.Ten);
    private static readonly string Hundred = Fold(Lexicon.Hundred);
    private static readonly string Half = Fold(Lexicon.Half);
    private static readonly string Five = Fold(Lexicon.Five);

    /// <summary>Every word that can stand in a spelled number.</summary>
    public static readonly IReadOnlySet<string> Words = Digits.Keys.Concat(AfterTens.Keys).Concat(Tens).Concat(ZeroTens)
        .Concat(Scales.Keys).Append(Ten).Append(Hundred).Append(Half).ToHashSet();

    /// <summary>The value of the longest prefix of <paramref name="words"/> that is a number, and how many words it takes.</summary>
    public static (decimal Value, int Count)? ReadPrefix(IReadOnlyList<string> words)
    {
        if (words.Count == 1 && words[0] == Hundred)
        {
            return (100m, 1); // "trăm" alone is a hundred
        }

        decimal total = 0;
        decimal largest = 0;
        var p = 0;
        (decimal, int)? best = null;
        while (p < words.Count)
        {
            var (group, next) = ReadGroup(words, p, total > 0);
            if (next == p)
            {
                break;
            }

            p = next;
            if (p < words.Count && Scales.TryGetValue(words[p], out var scale))
            {
                total = scale > largest ? (total + group) * scale : total + group * scale;
                largest = Math.Max(largest, scale);
                p++;
                // "một nghìn tỷ": a larger scale right after stacks on the whole.
                while (p < words.Count && Scales.TryGetValue(words[p], out var more) && more > scale)
                {
                    total *= more;
                    largest = more;
                    scale = more;
                    p++;
                }

                if (p < words.Count && words[p] == Half)
                {
                    total += scale / 2; // "hai nghìn rưỡi"
                    p++;
                }

                best = (total, p);
                continue;
            }

            best = (total + group, p);
            break;
        }

        return best;
    }

    /// <summary>The value of exactly these words, or null when they are not one number.</summary>
    public static decimal? Read(IReadOnlyList<string> words) =>
        ReadPrefix(words) is { } read && read.Count == words.Count ? read.Value : null;

    // One group below a thousand: [d trăm] [linh/lẻ d | mười | d mươi] [unit digit], or a lone digit.
    private static (decimal Value, int Next) ReadGroup(IReadOnlyList<string> w, int p, bool afterScale)
    {
        var start = p;
        var value = 0;
        var hundreds = false;
        if (p + 1 < w.Count && Digits.TryGetValue(w[p], out var h) && w[p + 1] == Hundred && (h > 0 || afterScale))
        {
            value = h * 100;
            hundreds = true;
            p += 2;
            if (p < w.Count && w[p] == Half)
            {
                return (value + 50, p + 1); // "ba trăm rưỡi"
            }

            if (p + 1 < w.Count && ZeroTens.Contains(w[p]) && Digits.TryGetValue(w[p + 1], out var unit) && unit > 0)
            {
                return (value + unit, p + 2); // "một trăm linh năm"
            }
        }

        var tens = 0;
        if (p < w.Count && w[p] == Ten)
        {
            tens = 10;
            p++;
        }
        else if (p + 1 < w.Count && Digits.TryGetValue(w[p], out var t) && t >= 2 && Tens.Contains(w[p + 1]))
        {
            tens = t * 10;
            p += 2;
        }

        if (tens > 0)
        {
            value += tens;
            if (p < w.Count && AfterTens.TryGetValue(w[p], out var late) && (tens >= 20 || late == 5))
            {
                return (value + late, p + 1); // "hai mươi mốt", "ba mươi tư", "mười lăm"
            }

            // After tens a unit digit follows, but "năm" there is the year ("hai mươi năm"): five is "lăm".
            if (p < w.Count && Digits.TryGetValue(w[p], out var u) && u > 0 && w[p] != Five)
            {
                return (value + u, p + 1);
            }

            return (value, p);
        }

        if (hundreds)
        {
            return (value, p);
        }

        if (p < w.Count && Digits.TryGetValue(w[p], out var d) && (p + 1 >= w.Count || !Tens.Contains(w[p + 1]) || d < 2))
        {
            return (d, p + 1);
        }

        return (0, start);
    }
}
