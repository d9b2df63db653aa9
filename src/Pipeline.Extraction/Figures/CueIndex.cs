using System.Collections.Frozen;
using Pipeline.Core;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Figures;

/// <summary>One place in the text where a cue phrase stands.</summary>
public readonly record struct CueHit(int Start, int End, string Phrase);

/// <summary>
/// Every occurrence of a set of phrases in a folded text, found once per document, so that
/// "the nearest cue before this number" is a cheap look-up. Longest phrase wins where two overlap.
/// </summary>
public sealed class CueIndex<T>
{
    private readonly List<(CueHit Hit, T Value)> _hits;

    public CueIndex(string key, PhraseMatcher<T> matcher)
        : this(key, matcher, TextWords.Of(key))
    {
    }

    /// <summary>The same, over the text's words found once for several indexes.</summary>
    public CueIndex(string key, PhraseMatcher<T> matcher, List<(int Start, int End)> words)
    {
        _hits = matcher.FindAll(key, words); // found in text order, so also ordered by end
    }

    /// <summary>The same, over words looked up once for several indexes (see <see cref="PhraseMatcher{T}.CandidatesOf"/>).</summary>
    internal CueIndex(string key, PhraseMatcher<T> matcher, List<(int Start, int End, int Word)> words, (string Phrase, T Value)[]?[] byWord)
    {
        _hits = matcher.FindAll(key, words, byWord);
    }

    /// <summary>How many hits there are, and the hit at an index (in text order): a walk with no iterator, for a look-up made per sentence.</summary>
    internal int Count => _hits.Count;

    internal (CueHit Hit, T Value) this[int index] => _hits[index];

    /// <summary>The index of the first hit starting at or after a position.</summary>
    internal int IndexAt(int from) => FirstStartingAt(from);

    /// <summary>Drops the hits that do not stand in their context (read once per document, not per look-up).</summary>
    internal void Keep(Func<CueHit, bool> stands) => _hits.RemoveAll(h => !stands(h.Hit));

    /// <summary>Hits lying wholly inside [from, to), nearest to <paramref name="to"/> first.</summary>
    public IEnumerable<(CueHit Hit, T Value)> Backwards(int from, int to)
    {
        // Hits do not overlap, so starts and ends both rise: jump to the last hit ending by `to` instead of
        // walking down from the document's end (which made long inputs quadratic).
        for (var i = FirstEndingAfter(to) - 1; i >= 0; i--)
        {
            var h = _hits[i];
            if (h.Hit.Start < from)
            {
                yield break;
            }

            yield return h;
        }
    }

    /// <summary>Hits lying wholly inside [from, to), in text order.</summary>
    public IEnumerable<(CueHit Hit, T Value)> Within(int from, int to)
    {
        for (var i = FirstStartingAt(from); i < _hits.Count && _hits[i].Hit.Start < to; i++)
        {
            if (_hits[i].Hit.End <= to)
            {
                yield return _hits[i];
            }
        }
    }

    // The two tests as methods, not lambdas: a look-up is made per number, and a closure per look-up was garbage.
    private int FirstEndingAfter(int to) => First(to, static (h, to) => h.End > to);

    private int FirstStartingAt(int from) => First(from, static (h, from) => h.Start >= from);

    /// <summary>The index of the first hit for which <paramref name="past"/> holds (it holds for every later one too).</summary>
    private int First(int at, Func<CueHit, int, bool> past)
    {
        int low = 0, high = _hits.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (past(_hits[middle].Hit, at))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}

/// <summary>The per-document cue indexes the figures layer reads.</summary>
public sealed class DocumentCues
{
    private static readonly PhraseMatcher<MetricCue> MetricPhrases = new(Cues.Metrics.Select(c => (c.Phrase, c)));
    private static readonly PhraseMatcher<Scope> ScopePhrases = new(Cues.Scopes.Select(s => (s.Phrase, s.Scope)).Concat(InvestorCountries.Phrases));
    private static readonly PhraseMatcher<bool> TargetPhrases = new(Cues.Target.Select(t => (t, true)));
    private static readonly PhraseMatcher<bool> EstimatePhrases = new(Cues.Estimate.Select(t => (t, true)));

    // The words any of the four can start a phrase with: one look-up per word of the text, not four.
    // Each has a number, and each matcher its phrases by that number, so a word's matchers are found with one look-up.
    private static readonly string[] FirstWordList = MetricPhrases.FirstWords
        .Concat(ScopePhrases.FirstWords).Concat(TargetPhrases.FirstWords).Concat(EstimatePhrases.FirstWords)
        .Distinct(StringComparer.Ordinal).ToArray();

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> FirstWords = FirstWordList
        .Select((w, i) => (w, i)).ToFrozenDictionary(p => p.w, p => p.i, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly WordFilter FirstWordFilter = new(FirstWordList);
    private static readonly (string, MetricCue)[]?[] MetricsByWord = MetricPhrases.CandidatesOf(FirstWordList);
    private static readonly (string, Scope)[]?[] ScopesByWord = ScopePhrases.CandidatesOf(FirstWordList);
    private static readonly (string, bool)[]?[] TargetsByWord = TargetPhrases.CandidatesOf(FirstWordList);
    private static readonly (string, bool)[]?[] EstimatesByWord = EstimatePhrases.CandidatesOf(FirstWordList);

    public DocumentCues(string key)
    {
        var words = TextWords.Of(key, FirstWords, FirstWordFilter); // one pass over the text for the four indexes
        Metrics = new(key, MetricPhrases, words, MetricsByWord);
        Scopes = new(key, ScopePhrases, words, ScopesByWord);
        Scopes.Keep(hit => InvestorCountries.Stands(key, hit)); // a country is a scope only where it names an investor
        Targets = new(key, TargetPhrases, words, TargetsByWord);
        Estimates = new(key, EstimatePhrases, words, EstimatesByWord);
    }

    public CueIndex<MetricCue> Metrics { get; }
    public CueIndex<Scope> Scopes { get; }
    public CueIndex<bool> Targets { get; }
    public CueIndex<bool> Estimates { get; }
}
