using System.Collections.Frozen;

namespace Pipeline.Extraction.Text;

/// <summary>A span of the clean text; End is exclusive.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;
}

/// <summary>A sentence of the clean text, with the paragraph it stands in.</summary>
public sealed record Sentence(TextSpan Span, int Paragraph);

/// <summary>
/// Splits clean text into sentences. A dot between digits (2.599,5), after a known abbreviation
/// (TP., KCN., Q.) or inside a date never ends a sentence; a line break ends one unless the next
/// line carries on in lower case (pages that wrap lines mid-sentence).
/// </summary>
public static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "tp", "kcn", "kkt", "kcx", "q", "p", "tx", "h", "ts", "ths", "pgs", "gs", "bs", "ks", "ls", "th",
        "mr", "mrs", "ms", "dr", "st", "co", "ltd", "inc", "corp", "pte", "jsc", "v.v", "vv", "tr", "số", "no",
        "đ/c", "đc", "ubnd", "bql", "mtv", "tnhh",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<Sentence> Split(string text)
    {
        var result = new List<Sentence>();
        var paragraph = 0;
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                var blank = i + 1 < text.Length && text[i + 1] == '\n';
                var next = NextNonSpace(text, i + 1);
                var continues = !blank && next < text.Length && char.IsLower(text[next]) && !EndsWithTerminal(text, start, i);
                if (!continues)
                {
                    Add(result, text, start, i, paragraph);
                    if (blank || i > start)
                    {
                        paragraph++;
                    }

                    start = i + 1;
                }

                i++;
                continue;
            }

            if (c is '.' or '!' or '?' or '…' && IsSentenceEnd(text, start, i))
            {
                var end = i + 1;
                while (end < text.Length && text[end] is '.' or '/' or '"' or '”' or '’' or ')' or '!' or '?')
                {
                    end++;
                }

                Add(result, text, start, end, paragraph);
                start = end;
                i = end;
                continue;
            }

            i++;
        }

        Add(result, text, start, text.Length, paragraph);
        return result;
    }

    private static bool EndsWithTerminal(string text, int start, int end)
    {
        for (var j = end - 1; j >= start; j--)
        {
            if (!char.IsWhiteSpace(text[j]))
            {
                return text[j] is '.' or '!' or '?' or ':' or ';';
            }
        }

        return true;
    }

    private static int NextNonSpace(string text, int from)
    {
        while (from < text.Length && text[from] == ' ')
        {
            from++;
        }

        return from;
    }

    private static bool IsSentenceEnd(string text, int start, int i)
    {
        var next = i + 1;
        if (next < text.Length && text[i] == '.' && char.IsDigit(text[next]))
        {
            return false; // 2.599 or 1.500
        }

        if (next < text.Length && !char.IsWhiteSpace(text[next]) && text[next] is not ('"' or '”' or '’' or ')' or '.' or '/'))
        {
            return false; // dot inside a token: node.js, v.v, IMG_1.jpg
        }

        if (text[i] == '.')
        {
            var w = i;
            while (w > start && (char.IsLetter(text[w - 1]) || text[w - 1] == '/'))
            {
                w--;
            }

            var word = text[w..i];
            if (word.Length > 0 && Abbreviations.Contains(word))
            {
                return false;
            }

            // A lone capital followed by a dot is an initial (Nguyễn V. A.), not an end.
            if (word.Length == 1 && char.IsUpper(word[0]))
            {
                return false;
            }
        }

        var after = NextNonSpace(text, next);
        if (after >= text.Length || text[after] == '\n')
        {
            return true;
        }

        var a = text[after];
        return char.IsUpper(a) || char.IsDigit(a) || a is '"' or '“' or '(' or '-' or '–' or '•' or '*';
    }

    private static void Add(List<Sentence> result, string text, int start, int end, int paragraph)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            result.Add(new Sentence(new TextSpan(start, end), paragraph));
        }
    }
}
