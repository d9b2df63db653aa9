using System.Text.RegularExpressions;
using Pipeline.Extraction.Html;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Documents;

/// <summary>What a short line of a page's header (or a block of furniture) is, when it is not the headline.</summary>
public enum LineKind
{
    /// <summary>Reads as a headline: several words, mostly letters, none of the kinds below.</summary>
    Headline,

    /// <summary>The page's date-and-time line: "09:15 | 12/03/2021", "Ngày đăng: 02/06/2022 10:41".</summary>
    Date,

    /// <summary>Where the page sits on its site: "Trang chủ > Tin tức > Hoạt động KCN".</summary>
    Breadcrumb,

    /// <summary>A row of short menu or category items: "Kinh tế | Đầu tư".</summary>
    Menu,

    /// <summary>A photo's caption or credit: "Một góc KCN Tam Thăng (Ảnh: Minh Hà)", "Ảnh minh họa".</summary>
    Caption,

    /// <summary>Who wrote or sent the piece: "Tin: Văn phòng Ban", "Tác giả: Phòng Quản lý doanh nghiệp".</summary>
    Author,

    /// <summary>A line that is only a board's name: the byline of a board's own page.</summary>
    Board,

    /// <summary>The site's own name: "Cổng thông tin điện tử Ban Quản lý Khu kinh tế An Giang".</summary>
    Site,

    /// <summary>Page furniture: share bars, counters, font-size buttons, skip links.</summary>
    Furniture,

    /// <summary>The heading of an advert or partner block: "Quảng cáo", "Liên kết website", "Free Ads".</summary>
    Advert,

    /// <summary>Text mangled by an old input method or font (TCVN3, VNI) left in a Unicode page.</summary>
    Mangled,

    /// <summary>Too short, too long, or mostly not letters: nothing to read as a headline.</summary>
    Other,
}

/// <summary>One named way of telling a line's kind, with lines it must recognise.</summary>
public sealed record LineRule(string Name, LineKind Kind, Func<string, string, bool> Test, IReadOnlyList<string> Examples);

/// <summary>
/// The kinds of line a page's header holds around its headline, as named rules over word tables. The
/// headline is what is left: a line of several words that is none of these.
/// </summary>
public static partial class HeaderLines
{
    /// <summary>Labels that start a credit or author line.</summary>
    public static readonly IReadOnlyList<string> AuthorLabels =
    [
        "tin", "bài", "tin, ảnh", "tin và ảnh", "bài, ảnh", "bài và ảnh", "tin/ảnh", "bài/ảnh", "tác giả", "nguồn", "nguồn tin", "người viết",
        "người đăng", "phóng viên", "pv", "ctv", "cộng tác viên",
    ];

    /// <summary>How a site names itself in its header.</summary>
    public static readonly IReadOnlyList<string> SiteNames =
    [
        "cổng thông tin điện tử", "cổng thông tin", "trang thông tin điện tử", "trang thông tin", "báo điện tử", "tạp chí điện tử", "website",
    ];

    /// <summary>Words of a caption: a photo's credit or an illustration note.</summary>
    public static readonly IReadOnlyList<string> CaptionWords = ["ảnh", "ảnh minh họa", "ảnh minh hoạ", "nguồn ảnh", "ảnh tư liệu", "photo", "ảnh: tl", "video"];

    /// <summary>Labels before a date that gives only a year and month ("date 2021-02"): still a date line.</summary>
    public static readonly IReadOnlyList<string> PartialDateLabels = ["date", "ngày", "cập nhật", "đăng", "ngày đăng"];

    /// <summary>How a breadcrumb starts when it has only one separator: "Trang chủ › Kinh tế".</summary>
    public static readonly IReadOnlyList<string> BreadcrumbStarts = ["trang chủ", "home", "trang nhất"];

    /// <summary>Headings of advert and partner blocks.</summary>
    public static readonly IReadOnlyList<string> AdvertHeadings =
    [
        "quảng cáo", "liên hệ quảng cáo", "liên kết website", "liên kết web", "liên kết", "website liên kết", "free ads", "advertisement",
        "sponsored", "tài trợ", "nhà tài trợ", "đối tác", "đối tác liên kết", "doanh nghiệp tiêu biểu", "banner",
    ];

    /// <summary>Phrases of furniture lines in a text copy of a page.</summary>
    public static readonly IReadOnlyList<string> FurniturePhrases =
    [
        "skip ribbon", "skip to main", "skip portlet", "tăng cỡ chữ", "giảm cỡ chữ", "tăng giảm cỡ chữ", "chia sẻ", "lượt xem", "lượt đọc", "in bài",
        "bản in", "gửi email", "trang chủ", "đăng nhập", "publishingportal", "tin theo lĩnh vực", "thống kê truy cập", "responsive image",
        "đang tải", "bình luận", "ngày đăng", "cập nhật", "xem thêm", "tin liên quan", "tin khác", "portlet",
    ];

    private static readonly string[] FurnitureKeys = FurniturePhrases.Select(MatchKey.Fold).ToArray();

    private static readonly string[] AdvertKeys = AdvertHeadings.Select(MatchKey.Fold).ToArray();
    private static readonly string[] SiteKeys = SiteNames.Select(MatchKey.Fold).ToArray();

    /// <summary>Headlines that none of the rules may take.</summary>
    public static readonly IReadOnlyList<string> HeadlineExamples =
    [
        "Ảnh: Sôi nổi Ngày hội văn hóa, thể thao công nhân các KCN Bắc Ninh năm 2024",
        "Tình hình hoạt động của các khu công nghiệp quý III/2021",
        "Ban Quản lý các KCN tỉnh Bắc Ninh tổng kết công tác năm 2018, triển khai nhiệm vụ năm 2019",
        "Quý I/2025: các KCN Hưng Yên thu hút gần 380 triệu USD vốn FDI",
        "Khu kinh tế Vân Phong: Kết quả hoạt động năm 2017",
        "Các KCN Long An thu hút 25 dự án trong năm 2023 (12/01/2024)",
    ];

    /// <summary>The kind of one line of a page (its clean text).</summary>
    public static LineKind Classify(string line) => Rule(line)?.Kind ?? (ReadsAsHeadline(line) ? LineKind.Headline : LineKind.Other);

    /// <summary>Kinds of line that say nothing about the page: never read for its province or board.</summary>
    public static readonly IReadOnlySet<LineKind> UnreadKinds = new HashSet<LineKind>
    {
        LineKind.Furniture, LineKind.Menu, LineKind.Breadcrumb, LineKind.Mangled, LineKind.Advert,
    };

    /// <summary>The first rule that names the line, or null when none does; with <paramref name="only"/>, only rules of those kinds are tried.</summary>
    public static LineRule? Rule(string line, IReadOnlySet<LineKind>? only = null)
    {
        var text = line.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var key = MatchKey.Fold(text);
        foreach (var rule in Rules)
        {
            if ((only is null || only.Contains(rule.Kind)) && rule.Test(text, key))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>Several words, mostly letters, not cut off: the shape of a headline.</summary>
    public static bool ReadsAsHeadline(string line)
    {
        var text = DateReader.SplitTitleDate(line.Trim()).Title;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words is >= 4 and <= 45 && !text.EndsWith("...", StringComparison.Ordinal) && !text.EndsWith('…')
               && text.Count(char.IsLetter) > text.Count(c => !char.IsWhiteSpace(c)) / 2;
    }

    // A headline with its date in brackets at the end: "Các KCN ... năm 2023 (12/01/2024)" is a headline, not a date line.
    private static bool IsDatedHeadline(string line) =>
        DateReader.SplitTitleDate(line) is { Date: not null } split && ReadsAsHeadline(split.Title) && split.Title.Split(' ').Length >= 5;

    private static bool Whole(string key, string[] phrases)
    {
        var bare = key.Trim().TrimEnd(':', '.', '-', '–', ' ').Trim();
        return phrases.Any(p => bare == p);
    }

    private static bool IsMenu(string line)
    {
        var parts = line.Split(['|', '•', '·'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length >= 2 && parts.All(p => p.Length > 0 && p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4 && !p.Any(char.IsDigit));
    }

    // Folded text: a date line that gives only a year and month after its label: "date 2021-02 10:15".
    private static readonly Regex PartialDatePattern = new(
        $@"^\W*(?:{Alternatives(PartialDateLabels)})\s*:?\s*(?:19|20)\d{{2}}[-/.]\d{{1,2}}(?!\d)", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly string[] BreadcrumbStartKeys = BreadcrumbStarts.Select(MatchKey.Fold).ToArray();

    [GeneratedRegex(@"^(?:[^>»›]{1,60}\s[>»›]\s)+[^>»›]{1,80}$")]
    private static partial Regex Breadcrumb();

    [GeneratedRegex(@"\s[>»›]\s")]
    private static partial Regex Separators();

    // Folded text: a bracketed credit at the end ("(Ảnh: Minh Hà)"), or a line that is only a caption phrase.
    private static readonly Regex CaptionPattern = new(
        $@"[(\[]\s*(?:{Alternatives(CaptionWords)})(?!\p{{L}})[^)\]]*[)\]]\s*\.?$|^(?:{Alternatives(CaptionWords)})\s*\.?$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // Folded text: a label, a colon, a short name.
    private static readonly Regex AuthorPattern = new(
        $@"^\(?\s*(?:{Alternatives(AuthorLabels)})\s*:\s*\S.{{0,60}}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static string Alternatives(IEnumerable<string> phrases) =>
        string.Join('|', phrases.Select(MatchKey.Fold).OrderByDescending(p => p.Length).Select(Regex.Escape));

    /// <summary>The rules in the order they are tried; the first that holds names the line.</summary>
    public static readonly IReadOnlyList<LineRule> Rules =
    [
        new("today", LineKind.Furniture, (line, key) => DateReader.IsTodayLine(line),
            ["Hôm nay: Thứ Năm, 03/12/2026", "Hôm nay, ngày 12/05/2021", "Today: 2021-05-12"]),
        new("date-line", LineKind.Date, (line, key) => (DateReader.IsDateLine(line, out _, out _) && !IsDatedHeadline(line)) || PartialDatePattern.IsMatch(key),
            ["09:15 | 12/03/2021", "Ngày đăng: 02/06/2022 10:41", "Thứ Ba, 14/05/2019 - 08:20", "Cà Mau, 11/03/2024", "date 2021-02 10:15", "Cập nhật ngày: 06/11/2020"]),
        new("mangled", LineKind.Mangled, (line, key) => MangledText.IsMangled(line),
            ["Ban Qu¶n lý c¸c khu c«ng nghiÖp tØnh", "Ba1n Qua3n ly1 ca1c khu co6ng nghie65p", "Ban Quaûn lyù caùc khu coâng nghieäp"]),
        new("advert", LineKind.Advert, (line, key) => Whole(key, AdvertKeys),
            ["Quảng cáo", "Liên kết website", "Free Ads", "QUẢNG CÁO", "Đối tác:"]),
        new("breadcrumb", LineKind.Breadcrumb, (line, key) => Breadcrumb().IsMatch(line) && (Separators().Count(line) >= 2 || BreadcrumbStartKeys.Any(b => key.StartsWith(b, StringComparison.Ordinal))),
            ["Trang chủ > Tin tức > Hoạt động KCN", "Trang chủ » Tin tức - Sự kiện » Hoạt động của Ban", "Tin tức › Đầu tư › Khu công nghiệp"]),
        new("furniture", LineKind.Furniture, (line, key) => FurnitureKeys.Any(f => key.Contains(f, StringComparison.Ordinal)),
            ["Chia sẻ | In bài", "Tăng cỡ chữ Giảm cỡ chữ", "Lượt xem: 2387", "Skip portlet Portlet Menu"]),
        new("caption", LineKind.Caption, (line, key) => CaptionPattern.IsMatch(key) || CreditOnly().IsMatch(line),
            ["Một góc KCN Tam Thăng (Ảnh: Minh Hà)", "Lãnh đạo tỉnh trao giấy chứng nhận cho nhà đầu tư. (Ảnh: TL)", "Ảnh minh họa", "Ảnh: Quang Minh", "Toàn cảnh hội nghị. Ảnh: Văn Hùng", "Nhà máy trong KCN Phố Nối A (ảnh tư liệu)"]),
        new("author", LineKind.Author, (line, key) => AuthorPattern.IsMatch(key),
            ["Tin: Văn phòng Ban", "Tác giả: Phòng Quản lý doanh nghiệp", "Tin, ảnh: Minh Hương", "Nguồn: Báo Đồng Nai"]),
        new("site", LineKind.Site, (line, key) => SiteKeys.Any(s => key.StartsWith(s, StringComparison.Ordinal)),
            ["Cổng thông tin điện tử Ban Quản lý Khu kinh tế An Giang", "Trang thông tin điện tử Ban Quản lý các KCN tỉnh Hưng Yên"]),
        new("board-byline", LineKind.Board, (line, key) => BoardNames.First(line) is { } b && b.Name.Length >= TextCleaner.Clean(line).Trim().TrimEnd('.').Length - 1,
            ["Ban Quản lý các Khu công nghiệp tỉnh Bà Rịa - Vũng Tàu", "Ban Quản lý các Khu chế xuất và công nghiệp TP. Hồ Chí Minh (HEPZA)", "Ban Quản lý Khu kinh tế tỉnh Bình Phước"]),
        new("menu", LineKind.Menu, (line, key) => IsMenu(line),
            ["Kinh tế | Đầu tư", "Giới thiệu | Tin tức | Văn bản | Liên hệ", "Giới thiệu • Tin tức • Văn bản"]),
    ];

    // A credit "Ảnh: Quang Minh" alone or after a sentence: a few capitalised words after "Ảnh:".
    [GeneratedRegex(@"(?:^|[.!?]\s+)Ảnh\s*:\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CreditOnly();

}
