using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Documents;

/// <summary>What a page says about itself: title, date line, publishing board and province.</summary>
public sealed record DocumentMetadata(string? Title, TextSpan? TitleSpan, string? Published, string? Board, string? Province, int BodyStart);

/// <summary>
/// Reads title, published date, board and province from clean text. The title is the last
/// headline-like line before the body starts; the date is the page's own date line near it, else
/// the first date of the lead sentence.
/// </summary>
public static partial class MetadataReader
{
    [GeneratedRegex(@"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex WordDate();

    [GeneratedRegex(@"ban\s+quản\s+lý\s+(?:các\s+)?(?:khu\s+công\s+nghiệp|kcn|khu\s+kinh\s+tế|kkt|khu\s+chế\s+xuất|kcx|dự\s+án|khu\s+công\s+nghệ\s+cao)[^.;:\n()]{0,80}", RegexOptions.IgnoreCase)]
    private static partial Regex BoardMention();

    private static readonly string[] FurnitureLines = FurnitureWords().Select(MatchKey.Fold).ToArray();

    private static string[] FurnitureWords() =>
    [
        "skip ribbon", "skip to main", "skip portlet", "tăng cỡ chữ", "giảm cỡ chữ", "chia sẻ", "lượt xem", "in bài", "bản in", "gửi email",
        "trang chủ", "đăng nhập", "publishingportal", "cổng thông tin", "tin theo lĩnh vực", "tin tức", "thống kê truy cập", "responsive image",
        "đang tải", "bình luận", "ngày đăng", "cập nhật", "tác giả", "nguồn", "xem thêm", "tin liên quan", "tin khác", "portlet",
    ];

    public static DocumentMetadata Read(string clean, string key, string? htmlTitle = null)
    {
        var lines = Lines(clean);
        var bodyLine = lines.FindIndex(l => IsBody(clean, l));
        var bodyStart = bodyLine >= 0 ? lines[bodyLine].Start : 0;
        var header = bodyLine >= 0 ? lines.Take(bodyLine).ToList() : lines.Take(3).ToList();

        TextSpan? titleSpan = null;
        string? title = htmlTitle;
        var candidates = header.Where(l => IsTitleLike(clean, key, l)).ToList();
        if (candidates.Count > 0)
        {
            var best = htmlTitle is null ? candidates[^1] : candidates.FirstOrDefault(c => Similar(clean[c.Start..c.End], htmlTitle), candidates[^1]);
            titleSpan = best;
            title ??= clean[best.Start..best.End];
        }

        title = title is null ? null : TrailingDate().Replace(title, "").Trim();

        var published = header.Select(l => FirstDate(clean[l.Start..l.End])).FirstOrDefault(d => d is not null);
        if (published is null && bodyLine >= 0)
        {
            var lead = clean[lines[bodyLine].Start..Math.Min(clean.Length, lines[bodyLine].Start + 200)];
            published = FirstDate(lead);
        }

        var (board, province) = BoardAndProvince(clean, key);
        return new DocumentMetadata(title, titleSpan, published, board, province, bodyStart);
    }

    [GeneratedRegex(@"\s*\(\s*\d{1,2}/\d{1,2}/\d{4}\s*\)\s*$")]
    private static partial Regex TrailingDate();

    private static bool Similar(string a, string b) =>
        a.Trim().StartsWith(b.Trim()[..Math.Min(20, b.Trim().Length)], StringComparison.OrdinalIgnoreCase)
        || b.Contains(a.Trim(), StringComparison.OrdinalIgnoreCase);

    public static string? FirstDate(string text)
    {
        var m = NumericDate().Match(text);
        var w = WordDate().Match(text);
        Match? use = m.Success && (!w.Success || m.Index < w.Index) ? m : w.Success ? w : null;
        if (use is null)
        {
            return null;
        }

        var day = int.Parse(use.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(use.Groups[2].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(use.Groups[3].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? $"{year:0000}-{month:00}-{day:00}"
            : null;
    }

    private static List<TextSpan> Lines(string clean)
    {
        var result = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i <= clean.Length; i++)
        {
            if (i == clean.Length || clean[i] == '\n')
            {
                if (i > start)
                {
                    result.Add(new TextSpan(start, i));
                }

                start = i + 1;
            }
        }

        return result;
    }

    private static bool IsBody(string clean, TextSpan line)
    {
        var text = clean.AsSpan(line.Start, line.Length).Trim();
        return text.Length >= 120 && (text[^1] is '.' or ':' or ';' or '…' || text.Length >= 300);
    }

    private static bool IsTitleLike(string clean, string key, TextSpan line)
    {
        var text = clean[line.Start..line.End].Trim();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words < 4 || words > 45 || text.EndsWith("...", StringComparison.Ordinal) || text.EndsWith('…'))
        {
            return false;
        }

        var folded = key[line.Start..line.End];
        return !FurnitureLines.Any(f => folded.Contains(f, StringComparison.Ordinal))
               && text.Count(char.IsLetter) > text.Length / 2;
    }

    private static (string? Board, string? Province) BoardAndProvince(string clean, string key)
    {
        string? board = null;
        string? province = null;
        foreach (Match m in BoardMention().Matches(clean))
        {
            var mention = m.Value.Trim().TrimEnd(',', '-', '–');
            var named = Provinces.Find(MatchKey.Fold(mention)).OrderBy(p => p.Start).FirstOrDefault();
            if (named.Name is not null)
            {
                var cut = mention[..named.End].Trim();
                board = cut;
                province = named.Name;
                break;
            }

            board ??= Shorten(mention);
        }

        if (province is null)
        {
            province = Provinces.Find(key).GroupBy(p => p.Name).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(p => p.Start))
                .Select(g => g.Key).FirstOrDefault();
            if (board is not null && province is not null && Regex.IsMatch(board, @"(tỉnh|thành phố|TP\.?)$", RegexOptions.IgnoreCase))
            {
                board = $"{board} {province}";
            }
        }

        return (board, province);
    }

    // "Ban Quản lý các KCN tỉnh tổ chức hội nghị ..." → "Ban Quản lý các KCN tỉnh"
    private static string Shorten(string mention)
    {
        var m = Regex.Match(mention, @"^.*?(?:tỉnh|thành phố|TP\.?)(?=\s|$)", RegexOptions.IgnoreCase);
        if (m.Success)
        {
            return m.Value;
        }

        var words = mention.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(Math.Min(words.Length, 6)));
    }
}
