using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Pipeline.Search.Analysis;

namespace Pipeline.Search;

/// <summary>
/// Index-time analysis done once per text: the syllables are found once, and the three spellings
/// (exact, tone-folded, folded) are whole-text folds of the same length, so one list of spans serves
/// all three fields. Gives the same terms as <see cref="Analyzers"/> at a fraction of the cost.
/// </summary>
public sealed class SpellingStreams
{
    private readonly List<(int Start, int Length)> _spans = [];

    public string Exact { get; }
    public string Tones { get; }
    public string Full { get; }

    public SpellingStreams(string text)
    {
        Exact = VietnameseFold.Exact(text);
        Tones = VietnameseFold.Tones(Exact);
        Full = VietnameseFold.Full(Exact);
        var i = 0;
        while (i < Exact.Length)
        {
            if (!IsTokenChar(Exact[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < Exact.Length && IsTokenChar(Exact[i]))
            {
                i++;
            }

            _spans.Add((start, i - start));
        }
    }

    // Same rule as SyllableTokenizer (surrogate pairs count as token characters there too).
    private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || char.IsSurrogate(c);

    public TokenStream Stream(Spelling spelling) => spelling switch
    {
        Spelling.Exact => new SpanTokenStream(Exact, _spans, 1),
        Spelling.Tones => new SpanTokenStream(Tones, _spans, 2),
        _ => new SpanTokenStream(Full, _spans, 3),
    };

    /// <summary>Emits each span as a term, followed by the shingles starting there (up to maxShingle words).</summary>
    private sealed class SpanTokenStream : TokenStream
    {
        private readonly string _text;
        private readonly List<(int Start, int Length)> _spans;
        private readonly int _maxShingle;
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _position;
        private int _index;
        private int _size;

        public SpanTokenStream(string text, List<(int Start, int Length)> spans, int maxShingle)
        {
            _text = text;
            _spans = spans;
            _maxShingle = maxShingle;
            _term = AddAttribute<ICharTermAttribute>();
            _position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            while (_index < _spans.Count)
            {
                if (_size == 0)
                {
                    var (start, length) = _spans[_index];
                    _term.CopyBuffer(_text.ToCharArray(start, length), 0, length);
                    _position.PositionIncrement = 1;
                    _size = 1;
                    return true;
                }

                _size++;
                if (_size <= _maxShingle && _index + _size - 1 < _spans.Count)
                {
                    _term.SetEmpty();
                    for (var k = 0; k < _size; k++)
                    {
                        var (s, l) = _spans[_index + k];
                        if (k > 0)
                        {
                            _term.Append(' ');
                        }

                        _term.Append(_text, s, l); // Lucene.Net: start and count, not Java's start and end
                    }

                    _position.PositionIncrement = 0;
                    return true;
                }

                _index++;
                _size = 0;
            }

            return false;
        }

        public override void Reset()
        {
            base.Reset();
            _index = 0;
            _size = 0;
        }
    }
}
