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

    /// <summary>The words a phrase can start with: a word not among them starts no hit.</summary>
    public IEnumerable<string> FirstWords => _byFirstWord.Keys;

    public List<(CueHit Hit, T Value)> FindAll(string key) => FindAll(key, TextWords.Of(key));

    /// <summary>The same, over the words of <paramref name="key"/> found once (<see cref="TextWords.Of(string)"/>) and shared by several matchers.</summary>
    public List<(CueHit Hit, T Value)> FindAll(string key, List<(int Start, int End)> words)
    {
        var hits = new List<(CueHit, T)>();
        var blockedUntil = 0;
        foreach (var (i, end) in words)
        {
            if (i >= blockedUntil && _lookup.TryGetValue(key.AsSpan(i, end - i), out var candidates))
            {
                TakeLongest(key, i, candidates, hits, ref blockedUntil);
            }
        }

        return hits;
    }

    /// <summary>The phrases starting with each of <paramref name="firstWords"/> (null where none does), by the word's number.</summary>
    internal (string Phrase, T Value)[]?[] CandidatesOf(IReadOnlyList<string> firstWords) =>
        firstWords.Select(w => _byFirstWord.GetValueOrDefault(w)).ToArray();

    /// <summary>
    /// The same as <see cref="FindAll(string, List{ValueTuple{int, int}})"/> over words already looked up once for
    /// several matchers: each word carries its number in a shared list of first words, <paramref name="byWord"/> this
    /// matcher's phrases by that number.
    /// </summary>
    internal List<(CueHit Hit, T Value)> FindAll(string key, List<(int Start, int End, int Word)> words, (string Phrase, T Value)[]?[] byWord)
    {
        var hits = new List<(CueHit, T)>();
        var blockedUntil = 0;
        foreach (var (i, _, word) in words)
        {
            if (i >= blockedUntil && byWord[word] is { } candidates)
            {
                TakeLongest(key, i, candidates, hits, ref blockedUntil);
            }
        }

        return hits;
    }

    /// <summary>
    /// Adds the first of <paramref name="candidates"/> (longest first) that stands at <paramref name="i"/> as whole words:
    /// the longest phrase starting there wins, and nothing inside it starts another.
    /// </summary>
    private static void TakeLongest(string key, int i, (string Phrase, T Value)[] candidates, List<(CueHit, T)> hits, ref int blockedUntil)
    {
        foreach (var (phrase, value) in candidates)
        {
            var stop = i + phrase.Length;
            if (stop <= key.Length && key.AsSpan(i, phrase.Length).SequenceEqual(phrase) && (stop == key.Length || !IsWordChar(key[stop])))
            {
                hits.Add((new CueHit(i, stop, phrase), value));
                blockedUntil = stop;
                return;
            }
        }
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

    private static bool IsWordChar(char c) => CharKinds.IsLetterOrDigit(c);
}

/// <summary>The words of a folded text (runs of letters and digits) as spans, found once for the matchers that read it.</summary>
public static class TextWords
{
    public static List<(int Start, int End)> Of(string key)
    {
        var words = new List<(int, int)>();
        for (var i = 0; Next(key, ref i, out var start);)
        {
            words.Add((start, i));
        }

        return words;
    }

    /// <summary>The same, keeping only the words in <paramref name="kept"/> with their number there (<paramref name="filter"/>
    /// built from the same words): a matcher given them finds what it finds in all the words when every phrase's first
    /// word is kept (a word that starts no phrase only moves the cursor).</summary>
    internal static List<(int Start, int End, int Word)> Of(string key, FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> kept, WordFilter filter)
    {
        var words = new List<(int, int, int)>();
        for (var i = 0; Next(key, ref i, out var start);)
        {
            if (filter.MayContain(key.AsSpan(start, i - start)) && kept.TryGetValue(key.AsSpan(start, i - start), out var word))
            {
                words.Add((start, i, word));
            }
        }

        return words;
    }

    /// <summary>The next word at or after <paramref name="i"/>: its start, and <paramref name="i"/> moved to its end; false past the last.</summary>
    private static bool Next(string key, ref int i, out int start)
    {
        while (i < key.Length && !CharKinds.IsLetterOrDigit(key[i]))
        {
            i++;
        }

        start = i;
        while (i < key.Length && CharKinds.IsLetterOrDigit(key[i]))
        {
            i++;
        }

        return i > start;
    }
}
