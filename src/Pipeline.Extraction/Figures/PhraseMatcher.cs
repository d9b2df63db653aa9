using System.Collections.Frozen;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Figures;

/// <summary>
/// Finds every whole-word occurrence of a fixed set of phrases in one pass over a folded text:
/// phrases are grouped by their first word, so each word of the text costs one look-up.
/// Where two phrases overlap, the longer wins.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly FrozenDictionary<string, (string Phrase, T Value)[]> _byFirstWord;
    private readonly FrozenDictionary<string, (string Phrase, T Value)[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases)
    {
        _byFirstWord = phrases
            .Select(p => (Phrase: MatchKey.Fold(p.Phrase), p.Value))
            .GroupBy(p => FirstWord(p.Phrase))
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Phrase.Length).ToArray());
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public List<(CueHit Hit, T Value)> FindAll(string key)
    {
        var hits = new List<(CueHit, T)>();
        var blockedUntil = 0;
        var i = 0;
        while (i < key.Length)
        {
            if (!IsWordChar(key[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < key.Length && IsWordChar(key[end]))
            {
                end++;
            }

            if (i >= blockedUntil && _lookup.TryGetValue(key.AsSpan(i, end - i), out var candidates))
            {
                foreach (var (phrase, value) in candidates)
                {
                    var stop = i + phrase.Length;
                    if (stop <= key.Length && key.AsSpan(i, phrase.Length).SequenceEqual(phrase) && (stop == key.Length || !IsWordChar(key[stop])))
                    {
                        hits.Add((new CueHit(i, stop, phrase), value));
                        blockedUntil = stop; // the longest phrase starting here wins; nothing inside it starts another
                        break;
                    }
                }
            }

            i = end;
        }

        return hits;
    }

    private static string FirstWord(string phrase)
    {
        var end = 0;
        while (end < phrase.Length && IsWordChar(phrase[end]))
        {
            end++;
        }

        return phrase[..end];
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
