using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Pipeline.Search.Analysis;

/// <summary>Rewrites each token with one of the folds of <see cref="VietnameseFold"/>.</summary>
public sealed class FoldFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly Func<string, string> _fold;

    public FoldFilter(TokenStream input, Func<string, string> fold) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _fold = fold;
    }

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            var folded = _fold(_term.ToString());
            if (folded.Length > 0)
            {
                _term.SetEmpty().Append(folded);
                return true;
            }

            // A fold may drop a token (numbers in the vocabulary field).
        }

        return false;
    }
}

/// <summary>Splits text into runs of letters and digits: a Vietnamese syllable is one token
/// (StandardTokenizer's full grammar costs several times more and adds nothing here).</summary>
public sealed class SyllableTokenizer(TextReader input) : CharTokenizer(VietnameseAnalyzer.Version, input)
{
    protected override bool IsTokenChar(int c) => char.IsLetterOrDigit((char)c) || c > 0xFFFF;
}

/// <summary>One spelling of Vietnamese text: standard tokens (no stopwords: tăng, giảm, không, so với
/// all count), folded, then syllable shingles of two and three so that "khu công nghiệp" ranks as a word.</summary>
public sealed class VietnameseAnalyzer(Func<string, string> fold, bool shingles, int maxShingle = 3) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new SyllableTokenizer(reader);
        TokenStream stream = new FoldFilter(tokenizer, fold);
        if (shingles)
        {
            var shingle = new ShingleFilter(stream, 2, maxShingle);
            shingle.SetOutputUnigrams(true);
            stream = shingle;
        }

        return new TokenStreamComponents(tokenizer, stream);
    }
}

/// <summary>The analyzers of each indexed text field.</summary>
public static class Analyzers
{
    // Shingles live in the fully folded field only: every query reaches it, accented or not, and
    // three spellings of every bigram and trigram would triple the index for no better ranking.
    public static readonly VietnameseAnalyzer Exact = new(VietnameseFold.Exact, shingles: false);
    // Tone-folded pairs keep ư ơ â ă ê ô đ apart ("cưa khâu" is not "cua khâu"): what accent restoration reads.
    public static readonly VietnameseAnalyzer Tones = new(VietnameseFold.Tones, shingles: true, maxShingle: 2);
    public static readonly VietnameseAnalyzer Full = new(VietnameseFold.Full, shingles: true);

    /// <summary>
    /// A subject, given as its words already folded (Subjects.Words): every run of up to
    /// <see cref="SubjectRun"/> neighbouring words is a term, so a subject filter is one term, not a phrase.
    /// </summary>
    public static readonly Analyzer Subject = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new WhitespaceTokenizer(VietnameseAnalyzer.Version, reader);
        var runs = new ShingleFilter(tokenizer, 2, SubjectRun);
        runs.SetOutputUnigrams(true);
        return new TokenStreamComponents(tokenizer, runs);
    });

    /// <summary>The longest run of a subject's words indexed as one term.</summary>
    public const int SubjectRun = 8;

    /// <summary>Query words are read without shingles; the query builder joins neighbours itself.</summary>
    public static readonly VietnameseAnalyzer Words = new(w => w, shingles: false);

    /// <summary>For the index writer: each text field with its own spelling; keyword fields untouched.</summary>
    public static Analyzer PerField()
    {
        var map = new Dictionary<string, Analyzer>();
        foreach (var (field, spelling) in Fields.Spellings)
        {
            map[field] = spelling switch
            {
                Spelling.Exact => Exact,
                Spelling.Tones => Tones,
                _ => Full,
            };
        }

        map[Fields.Subject] = Subject;
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), map);
    }

    /// <summary>The terms an analyzer makes of a text, with their positions; shingles are marked by a space inside.</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
