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

    public CueIndex(string key, IEnumerable<(string Phrase, T Value)> phrases)
    {
        var all = new List<(CueHit, T)>();
        var taken = new bool[key.Length];
        foreach (var (phrase, value) in phrases.Select(p => (MatchKey.Fold(p.Phrase), p.Value)).OrderByDescending(p => p.Item1.Length))
        {
            var at = 0;
            while ((at = key.IndexOf(phrase, at, StringComparison.Ordinal)) >= 0)
            {
                var end = at + phrase.Length;
                var bounded = (at == 0 || !char.IsLetterOrDigit(key[at - 1])) && (end == key.Length || !char.IsLetterOrDigit(key[end]));
                if (bounded && Array.IndexOf(taken, true, at, end - at) < 0)
                {
                    all.Add((new CueHit(at, end, phrase), value));
                    Array.Fill(taken, true, at, end - at);
                }

                at = end;
            }
        }

        all.Sort((a, b) => a.Item1.End.CompareTo(b.Item1.End));
        _hits = all;
    }

    /// <summary>Hits lying wholly inside [from, to), nearest to <paramref name="to"/> first.</summary>
    public IEnumerable<(CueHit Hit, T Value)> Backwards(int from, int to)
    {
        for (var i = _hits.Count - 1; i >= 0; i--)
        {
            var h = _hits[i];
            if (h.Hit.End > to)
            {
                continue;
            }

            if (h.Hit.Start < from)
            {
                yield break;
            }

            yield return h;
        }
    }

    /// <summary>Hits lying wholly inside [from, to), in text order.</summary>
    public IEnumerable<(CueHit Hit, T Value)> Within(int from, int to) =>
        _hits.Where(h => h.Hit.Start >= from && h.Hit.End <= to);
}

/// <summary>The per-document cue indexes the figures layer reads.</summary>
public sealed class DocumentCues(string key)
{
    public CueIndex<MetricCue> Metrics { get; } = new(key, Cues.Metrics.Select(c => (c.Phrase, c)));
    public CueIndex<Scope> Scopes { get; } = new(key, Cues.Scopes.Select(s => (s.Phrase, s.Scope)));
    public CueIndex<bool> Targets { get; } = new(key, Cues.Target.Select(t => (t, true)));
    public CueIndex<bool> Estimates { get; } = new(key, Cues.Estimate.Select(t => (t, true)));
}
