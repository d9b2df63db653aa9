using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Pipeline.Search.Analysis;

namespace Pipeline.Search;

/// <summary>
/// Guesses the accented spelling of a query typed without diacritics, from the index itself:
/// each word's candidates are the indexed words that fold to it (most frequent first), and
/// neighbouring words are resolved together by how often the exact pair occurs, so "binh duong"
/// reads as "bình dương", not "bình đường". The vocabulary is read once per index reader.
/// </summary>
public static class AccentRestorer
{
    private const int Candidates = 4;
    private static readonly ConditionalWeakTable<IndexReader, Dictionary<string, (string Word, int Df)[]>> Vocabularies = [];

    public static List<string>? Restore(IndexReader reader, IReadOnlyList<string> words)
    {
        if (words.Count == 0 || words.Any(w => w.Any(c => c > '\u007F')))
        {
            return null; // the query already has diacritics
        }

        var vocabulary = Vocabularies.GetValue(reader, Build);
        var options = words.Select(w => vocabulary.TryGetValue(w, out var c) ? c : [(w, 0)]).ToList();
        if (options.All(o => o.Length == 1 && o[0].Word == words[options.IndexOf(o)]))
        {
            return null;
        }

        // Left to right: each word takes the spelling that pairs best with the one chosen before it.
        var chosen = new List<string> { options[0][0].Word };
        for (var i = 1; i < options.Count; i++)
        {
            var previous = chosen[^1];
            var best = options[i].OrderByDescending(o => PairFrequency(reader, previous, o.Word)).ThenByDescending(o => o.Df).First();
            chosen.Add(best.Word);
        }

        // The first word, too, is revisited against the word after it.
        if (options.Count > 1)
        {
            chosen[0] = options[0].OrderByDescending(o => PairFrequency(reader, o.Word, chosen[1])).ThenByDescending(o => o.Df).First().Word;
        }

        return chosen;
    }

    // How many documents hold the pair in its tone-folded spelling, which tells ư/ơ/â/đ apart.
    private static int PairFrequency(IndexReader reader, string left, string right) =>
        reader.DocFreq(new Term(Fields.TextTones, VietnameseFold.Tones(left) + " " + VietnameseFold.Tones(right)));

    private static Dictionary<string, (string Word, int Df)[]> Build(IndexReader reader)
    {
        var all = new Dictionary<string, List<(string, int)>>();
        // The exact field holds single words only (shingles live in the folded field): its terms are the vocabulary.
        var terms = MultiFields.GetTerms(reader, Fields.TextExact);
        if (terms is not null)
        {
            var e = terms.GetEnumerator();
            while (e.MoveNext())
            {
                var word = e.Term.Utf8ToString();
                if (word.Any(char.IsDigit))
                {
                    continue;
                }

                var folded = VietnameseFold.Full(word);
                if (!all.TryGetValue(folded, out var list))
                {
                    all[folded] = list = [];
                }

                list.Add((word, e.DocFreq));
            }
        }

        return all.ToDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(x => x.Item2).Take(Candidates).ToArray());
    }
}
