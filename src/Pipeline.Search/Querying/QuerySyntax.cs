using System.Text;

namespace Pipeline.Search;

/// <summary>A term of a query as typed: its words (as the index spells them), whether they were quoted, and the text typed.</summary>
public sealed record QueryTerm(IReadOnlyList<string> Words, bool Quoted, string Typed);

/// <summary>One thing a document must have: a term, or several joined by OR (any one of them will do).</summary>
public sealed record QueryPart(IReadOnlyList<QueryTerm> Alternatives);

/// <summary>A query read: what documents must have, and what they must not.</summary>
public sealed record ParsedQuery(IReadOnlyList<QueryPart> Parts, IReadOnlyList<QueryTerm> Excluded)
{
    /// <summary>Nothing to search for: no word in it (only spaces or punctuation).</summary>
    public bool IsEmpty => Parts.Count == 0 && Excluded.Count == 0;
}

/// <summary>
/// The search syntax: words (all must match, in any spelling); "quoted words" (a phrase: the words
/// side by side, in that order); <c>-word</c> or <c>-"a phrase"</c> (documents with it are left out);
/// <c>A OR B</c> (either will do; OR binds the terms on its two sides, in capitals). A minus starts an
/// exclusion only before a letter or a quote, so "-5%" is the number. Pure.
/// </summary>
public static class QuerySyntax
{
    public static ParsedQuery Parse(string? text)
    {
        var parts = new List<QueryPart>();
        var excluded = new List<QueryTerm>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ParsedQuery(parts, excluded);
        }

        var pendingOr = false;
        foreach (var (raw, quoted, negated) in Tokens(text))
        {
            if (!quoted && !negated && raw == "OR")
            {
                pendingOr = parts.Count > 0;
                continue;
            }

            var words = QueryBuilder.Words(raw);
            if (words.Count == 0)
            {
                continue; // punctuation only
            }

            if (negated)
            {
                excluded.Add(new QueryTerm(words, Quoted: true, raw)); // an excluded token is left out as it stands
                continue;
            }

            var term = new QueryTerm(words, quoted, raw);
            if (pendingOr)
            {
                // OR takes the whole term before it: the last part, or the last word of an unquoted token.
                parts[^1] = new QueryPart([.. parts[^1].Alternatives, term]);
                pendingOr = false;
            }
            else if (!quoted && words.Count > 1)
            {
                // "TP.HCM" or "BR-VT" typed as one token: each word is a word of the query.
                parts.AddRange(words.Select(w => new QueryPart([new QueryTerm([w], false, w)])));
            }
            else
            {
                parts.Add(new QueryPart([term]));
            }
        }

        return new ParsedQuery(parts, excluded);
    }

    private static IEnumerable<(string Raw, bool Quoted, bool Negated)> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = false;
            if (text[i] == '-' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || IsQuote(text[i + 1])))
            {
                negated = true;
                i++;
            }

            if (IsQuote(text[i]))
            {
                var end = i + 1;
                while (end < text.Length && !IsQuote(text[end]))
                {
                    end++;
                }

                yield return (text[(i + 1)..end], true, negated);
                i = end + 1;
                continue;
            }

            var sb = new StringBuilder();
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsQuote(text[i]))
            {
                sb.Append(text[i++]);
            }

            yield return (sb.ToString(), false, negated);
        }
    }

    // Straight and typographic double quotes: a phrase pasted from a document keeps its “curly” quotes.
    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '„';
}
