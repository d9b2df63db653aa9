using System.Buffers;
using System.Text.RegularExpressions;
using Pipeline.Core;
using Pipeline.Extraction.Figures;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Tables;

/// <summary>
/// Gives a sentence figure the zone or company its clause is about: "Riêng KCN Yên Phong thu hút 15 dự án",
/// "KCN Quế Võ có 24 dự án", "Dự án của Công ty TNHH Minh Long có tổng vốn 50 triệu USD". Conservative on
/// purpose: only figures of the first clause, and never one that speaks of the whole again ("toàn tỉnh",
/// "nâng tổng số"); everything else keeps a null subject (the report's own figure).
/// </summary>
public static partial class SentenceSubjects
{
    /// <summary>Words that name a zone; a name follows in capitals ("KCN Yên Phong", "KKT Vân Đồn").</summary>
    public static readonly IReadOnlyList<string> ZoneWords =
        ["KCN", "KKT", "KCX", "CCN", "Khu công nghiệp", "Khu kinh tế", "Khu chế xuất", "Cụm công nghiệp"];

    /// <summary>Words that name a company; its name runs to the first verb in lower case or a mark.</summary>
    public static readonly IReadOnlyList<string> CompanyWords = ["Công ty", "Tập đoàn", "Cty"];

    /// <summary>Lower-case words that end a company's name: what the company does or has.</summary>
    public static readonly IReadOnlyList<string> NameEnds =
    [
        "thu", "có", "đạt", "đã", "với", "được", "tăng", "giảm", "chiếm", "nộp", "là", "tại", "trong", "ở", "vừa",
        "sẽ", "đang", "khởi", "đi", "tuyển", "nâng", "cũng", "còn", "ước", "dự", "hiện",
    ];

    /// <summary>Words between the subject and the figure that speak of the whole again.</summary>
    public static readonly IReadOnlyList<string> Whole = ["toàn tỉnh", "cả tỉnh", "nâng tổng", "tổng số", "toàn khu", "các khu", "các kcn", "toàn thành phố"];

    [GeneratedRegex(@"^\s*(?:(?:Trong đó|Riêng|Cụ thể|Đáng chú ý),?\s+)*(?:(?:riêng|tại)\s+)?(?<name>(?:KCN|KKT|KCX|CCN|Khu công nghiệp|Khu kinh tế|Khu chế xuất|Cụm công nghiệp)(?:\s+(?:\p{Lu}[\p{L}\d]*|\d+|[IVX]+|-)(?=[\s,;:.()]|$))+)", RegexOptions.CultureInvariant)]
    private static partial Regex Zone();

    [GeneratedRegex(@"(?:^\s*(?:(?:Trong đó|Riêng|Cụ thể),?\s+)*|\bcủa\s+)(?<name>(?:Công ty|Tập đoàn|Cty)\s+\p{Lu}[^,;:()]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Company();

    // Both patterns need one of these words as written (they are case-sensitive): a clause without any names nothing.
    private static readonly SearchValues<string> NameWords = SearchValues.Create(ZoneWords.Concat(CompanyWords).ToArray(), StringComparison.Ordinal);

    private static readonly SearchValues<string> CompanyNames = SearchValues.Create(CompanyWords.ToArray(), StringComparison.Ordinal);

    private static readonly string[] WholeKeys = Whole.Select(MatchKey.Fold).ToArray();

    public static IReadOnlyList<Figure> Fill(string clean, IReadOnlyList<Sentence> sentences, IReadOnlyList<Figure> figures)
    {
        var result = new List<Figure>(figures.Count);
        foreach (var figure in figures)
        {
            var s = SentenceAt(sentences, figure.Start);
            var subject = figure.Subject is null && s >= 0 && MayName(clean.AsSpan(sentences[s].Span.Start, figure.Start - sentences[s].Span.Start))
                ? Of(clean[sentences[s].Span.Start..figure.Start]) : null;
            result.Add(subject is null ? figure : figure with { Subject = subject });
        }

        return result;
    }

    // Sentences are in text order: the last one starting at or before the offset holds it, if it reaches that far.
    private static int SentenceAt(IReadOnlyList<Sentence> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (sentences[mid].Span.Start <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found >= 0 && offset < sentences[found].Span.End ? found : -1;
    }

    /// <summary>The zone or company the clause before a figure is about, or null.</summary>
    public static string? Of(string before)
    {
        if (!MayName(before))
        {
            return null;
        }

        string? name = null;
        var end = 0;
        if (Zone().Match(before) is { Success: true } zone)
        {
            name = zone.Groups["name"].Value.Trim().TrimEnd('-').Trim();
            end = zone.Index + zone.Length;
        }
        else if (before.AsSpan().ContainsAny(CompanyNames) && Company().Match(before) is { Success: true } company)
        {
            var words = company.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var kept = new List<string>();
            foreach (var word in words)
            {
                if (kept.Count >= 2 && NameEnds.Contains(word, StringComparer.Ordinal))
                {
                    break;
                }

                kept.Add(word);
            }

            name = string.Join(' ', kept).TrimEnd('.', ' ');
            end = company.Groups["name"].Index + name.Length;
        }

        if (name is null || name.Split(' ').Length < 2)
        {
            return null;
        }

        var rest = MatchKey.Fold(before[end..]);
        return WholeKeys.Any(w => WordSet.ContainsWord(rest, w)) ? null : name;
    }

    // A clause with ';' is never read; one without a zone or company word cannot match either pattern.
    private static bool MayName(ReadOnlySpan<char> before) => !before.Contains(';') && before.ContainsAny(NameWords);
}
