using Pipeline.Search.Analysis;

namespace Pipeline.Search.Language;

/// <summary>
/// A figure's subject (the zone, company or project it is about) as the index keeps it and a subject filter
/// asks for it: its words fully folded (no marks, lower case, đ → d), with every form of a row of
/// <see cref="Equivalents"/> written as the row's first form, so "KCN Quế Võ", "kcn que vo" and
/// "khu công nghiệp Quế Võ" are the same words. A filter matches a subject holding its words side by side.
/// </summary>
public static class Subjects
{
    // Each form's folded words to its row's first form's folded words, longest forms first.
    private static readonly (string[] Form, string[] Canonical)[] Forms =
    [
        .. Equivalents.Table
            .SelectMany(row => row.Forms.Select(form => (Form: Split(form), Canonical: Split(row.Forms[0]))))
            .Where(f => f.Form.Length > 0)
            .OrderByDescending(f => f.Form.Length),
    ];

    /// <summary>The subject's words, folded and with equivalent forms made one; empty when it has no letter or digit.</summary>
    public static IReadOnlyList<string> Words(string subject)
    {
        var words = Split(subject);
        var result = new List<string>(words.Length);
        var i = 0;
        while (i < words.Length)
        {
            var match = Forms.FirstOrDefault(f => f.Form.Length <= words.Length - i && f.Form.AsSpan().SequenceEqual(words.AsSpan(i, f.Form.Length)));
            if (match.Form is null)
            {
                result.Add(words[i++]);
                continue;
            }

            result.AddRange(match.Canonical);
            i += match.Form.Length;
        }

        return result;
    }

    // Syllables as the index splits text (runs of letters and digits), fully folded.
    private static string[] Split(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.IsSurrogate(text[i]) || text[i] is >= '\u0300' and <= '\u036F');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(VietnameseFold.Full(text[start..i]));
                start = -1;
            }
        }

        return [.. words.Where(w => w.Length > 0)];
    }
}
