using System.Buffers;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Pipeline.Extraction.Html;

/// <summary>
/// What page furniture looks like on the boards' portals: the elements never read, the class and id
/// marks of menus, share bars, counters and related lists, and the phrases of blocks that say
/// nothing but furniture ("Lượt xem: 1573", "In trang | Gửi email", an image's file name).
/// </summary>
internal static partial class Furniture
{
    private static readonly HashSet<string> Unread = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "button", "select", "option", "svg", "canvas", "object", "embed",
        "input", "textarea", "label", "head", "map", "audio", "video", "img", "picture", "source", "meta", "link", "title",
    };

    private static readonly HashSet<string> StructuralTags = new(StringComparer.OrdinalIgnoreCase) { "nav", "header", "footer", "aside", "menu" };

    // Substrings of class and id. "header" is left out: "article-header" holds the title and date.
    private static readonly SearchValues<string> MarkWords = SearchValues.Create(
    [
        "menu", "nav", "breadcrumb", "share", "social", "comment", "binhluan", "y-kien", "ykien", "related", "lienquan", "lien-quan",
        "tinkhac", "tin-khac", "othernews", "other-news", "samecat", "pager", "paging", "pagination", "phantrang", "counter", "visitor",
        "thongke", "thong-ke", "banner", "toolbar", "tools", "login", "search", "timkiem", "advert", "quangcao", "fontsize", "font-size",
        "textsize", "print", "tags", "tagcloud", "keyword", "rating", "vote", "sidebar", "widget", "footer", "copyright", "addthis",
        "sharethis", "zalo", "facebook", "twitter", "subscribe", "newsletter", "weather", "thoitiet", "poll", "lienket", "weblink",
        "ribbon", "skip", "popup", "modal", "cookie", "views-count", "luotxem", "luot-xem", "hitcount", "sitemap",
    ], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> ContentHints = SearchValues.Create(
    [
        "content", "article", "detail", "chitiet", "chi-tiet", "noidung", "noi-dung", "entry", "post", "body", "main", "news",
        "journal-content", "field-name-body", "ms-rtestate", "story", "baiviet", "bai-viet", "tintuc", "tin-tuc",
    ], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> AttachmentHints = SearchValues.Create(["attach", "dinhkem", "dinh-kem", "tailieu", "tai-lieu", "download", "file"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> AuthorHints = SearchValues.Create(["author", "tacgia", "tac-gia", "source", "nguon", "signature", "byline"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> TitleHints = SearchValues.Create(["title", "tieude", "tieu-de", "headline"], StringComparison.OrdinalIgnoreCase);

    public static bool IsUnread(IElement e) =>
        Unread.Contains(e.LocalName) || e.HasAttribute("hidden")
        || (e.GetAttribute("style") is { } s && s.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase));

    public static bool IsMarked(IElement e) => StructuralTags.Contains(e.LocalName) || HasAny(e, MarkWords);

    public static bool HasContentHint(IElement e) => HasAny(e, ContentHints);

    public static bool HasAttachmentHint(IElement e) => HasAny(e, AttachmentHints);

    public static bool HasAuthorHint(IElement e) => HasAny(e, AuthorHints);

    public static bool HasTitleHint(IElement e) => HasAny(e, TitleHints);

    // Class and id are searched in place, case-insensitively: no string is built per element.
    private static bool HasAny(IElement e, SearchValues<string> words) =>
        (e.ClassName is { Length: > 0 } cls && cls.AsSpan().IndexOfAny(words) >= 0)
        || (e.Id is { Length: > 0 } id && id.AsSpan().IndexOfAny(words) >= 0);

    /// <summary>The heading of an advert or partner box ("Quảng cáo", "Liên kết website", "Free Ads"): the box is furniture.</summary>
    public static bool IsAdvertHeading(string block) => block.Length <= 40 && Documents.HeaderLines.Rule(block, AdvertKind) is not null;

    private static readonly IReadOnlySet<Documents.LineKind> AdvertKind = new HashSet<Documents.LineKind> { Documents.LineKind.Advert };

    /// <summary>A heading after which the page lists other articles or comments: the article has ended.</summary>
    public static bool EndsArticle(string block) => block.Length <= 40 && EndMarker().IsMatch(block);

    /// <summary>True when nothing but furniture phrases, numbers and separators is left of the block.</summary>
    public static bool IsFurnitureOnly(string block)
    {
        if (block.Length > 300)
        {
            return false;
        }

        var rest = Phrases().Replace(block, " ");
        foreach (var c in rest)
        {
            if (char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A footer's contact or copyright line: two of address, phone, fax, email, website, or a copyright mark.</summary>
    public static bool IsContactLine(string block) =>
        block.Length <= 300 && (ContactMarks().Count(block) >= 2 || Copyright().IsMatch(block));

    /// <summary>An image's file name left as a caption: IMG_1709.jpg, DSC01234.JPG, anh-1.png.</summary>
    public static bool IsFileNameCaption(string block) => block.Length <= 120 && (FileName().IsMatch(block) || CameraName().IsMatch(block));

    /// <summary>"Theo …", "Nguồn: …", "Tác giả: …"; a "Theo" line only when short and without a clause ("Theo kế hoạch, …" is body).</summary>
    public static bool IsAuthorLine(string block) =>
        block.Length <= 100 && AuthorLine().IsMatch(block)
        && (!block.StartsWith("Theo", StringComparison.OrdinalIgnoreCase) || (block.Length <= 60 && !block.Contains(',', StringComparison.Ordinal)));

    /// <summary>A short last line of capitalised words with no sentence in it: a signature ("Hương Lan").</summary>
    public static bool IsSignature(string block)
    {
        if (block.Length > 40 || block.AsSpan().IndexOfAny(".,;:!?") >= 0)
        {
            return false;
        }

        var words = block.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 6 && words.All(w => !char.IsLetter(w[0]) || char.IsUpper(w[0]) || w[0] == '(');
    }

    private static readonly Regex EndMarkerPattern = new(
        $@"^\W*(?:{PageWords.Alternatives(PageWords.EndMarkers)})\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex EndMarker() => EndMarkerPattern;

    // A SharePoint web part's own title ("PublishingPortal - Block_BanTin_Toolbar") is furniture on the boards' portals too.
    private static readonly Regex PhrasesPattern = new(
        $@"(?<!\p{{L}})(?:publishingportal\s*-\s*block_\w+|{PageWords.Alternatives(PageWords.FurniturePhrases)})(?!\p{{L}})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex Phrases() => PhrasesPattern;

    private static readonly Regex ContactPattern = new(
        $@"(?<!\p{{L}})(?:{PageWords.Alternatives(PageWords.ContactLabels)})\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex CopyrightPattern = new(
        $@"^\W*(?:{PageWords.Alternatives(PageWords.CopyrightMarks)})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex ContactMarks() => ContactPattern;

    private static Regex Copyright() => CopyrightPattern;

    [GeneratedRegex(@"^[\p{L}\p{N}_\-.()~ ]{1,80}\.(?:jpe?g|png|gif|bmp|webp|tiff?|heic)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^(?:IMG|DSC|DSCN|DSCF|DCIM|PIC|PXL|P)[_\- ]?\d{3,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CameraName();

    // A bare "Nguồn" names a source only before a colon or dash: "Nguồn vốn: ngân sách tỉnh" is body text.
    private static readonly Regex AuthorPattern = new(
        $@"^\(?\s*(?:nguồn(?=\s*[:\-–])|{PageWords.Alternatives(PageWords.AuthorLabels.Where(l => l != "nguồn"))})\s*[:\-–]?\s*\S",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex AuthorLine() => AuthorPattern;
}
