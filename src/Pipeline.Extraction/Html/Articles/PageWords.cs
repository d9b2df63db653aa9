using System.Text.RegularExpressions;

namespace Pipeline.Extraction.Html;

/// <summary>
/// The words of a portal page's furniture, as data: date-line labels, furniture phrases, the headings after
/// which an article has ended, contact labels and author labels. <see cref="DateReader"/> and
/// <see cref="Furniture"/> build their patterns from these lists; <see cref="Examples"/> are the tests.
/// </summary>
public static class PageWords
{
    /// <summary>Labels that say a date line gives the publication date (wins over "Cập nhật").</summary>
    public static readonly IReadOnlyList<string> PublishLabels = ["ngày đăng", "đăng ngày", "đăng lúc", "ngày xuất bản", "xuất bản", "posted", "published"];

    /// <summary>Labels of a header's "today" widget ("Hôm nay: Thứ Năm, 03/12/2026"): the day the page is viewed, never the day it was published.</summary>
    public static readonly IReadOnlyList<string> TodayLabels = ["hôm nay", "hôm nay là", "today", "today is"];

    /// <summary>Words a date line may hold besides its date: labels, weekdays, times of day, counters.</summary>
    public static readonly IReadOnlyList<string> DateLineWords =
    [
        "ngày cập nhật", "cập nhật lúc", "cập nhật", "ngày ban hành", "thời gian đăng", "thời gian", "ngày", "lúc", "giờ",
        "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "thứ 2", "thứ 3", "thứ 4", "thứ 5", "thứ 6", "thứ 7", "chủ nhật", "cn", "gmt", "lượt xem", "lượt đọc", "view", "views",
        "updated", "on", "by",
    ];

    /// <summary>Times of day after an hour: the afternoon ones add twelve hours.</summary>
    public static readonly IReadOnlyList<string> AfternoonWords = ["ch", "pm", "chiều", "tối"];

    public static readonly IReadOnlyList<string> MorningWords = ["sa", "am", "sáng"];

    /// <summary>Phrases of blocks that hold nothing else: counters, share and print bars, skip links, attachment labels.</summary>
    public static readonly IReadOnlyList<string> FurniturePhrases =
    [
        "tăng cỡ chữ", "giảm cỡ chữ", "cỡ chữ", "kích thước chữ", "font size", "lượt xem", "số lượt xem", "lượt đọc", "lượt truy cập",
        "tổng lượt truy cập", "đang truy cập", "đang online", "online", "hôm nay", "hôm qua", "trong tuần", "tuần này", "tuần trước",
        "tháng hiện tại", "tháng này", "tháng trước", "thống kê truy cập", "truy cập", "in trang", "in bài viết", "in bài", "bản in", "print",
        "gửi email", "gửi e-mail", "gửi bài viết", "email", "e-mail", "chia sẻ bài viết", "chia sẻ bải viết", "chia sẻ", "share", "tweet",
        "like", "facebook", "zalo", "twitter", "quay lại", "trở về", "trở lại", "về đầu trang", "lên đầu trang", "đầu trang", "xem thêm",
        "skip ribbon commands", "skip to main content", "skip portlet", "portlet menu", "đang tải", "loading", "tệp đính kèm",
        "file đính kèm", "tài liệu đính kèm", "đính kèm", "tải về", "download", "trang chủ", "responsive image", "tin liên quan", "tin khác",
        "các tin khác", "các tin đã đưa", "bình luận", "ý kiến bạn đọc", "gửi ý kiến", "đánh giá", "bình chọn", "từ khóa", "từ khoá", "tag",
        "tags", "thẻ", "view", "views", "a+", "a-", "quảng cáo", "free ads", "liên kết website",
    ];

    /// <summary>Headings after which a page lists other articles or comments.</summary>
    public static readonly IReadOnlyList<string> EndMarkers =
    [
        "tin liên quan", "tin khác", "các tin khác", "các tin đã đưa", "tin đã đưa", "tin cùng chuyên mục", "tin cùng loại", "bài viết liên quan",
        "các bài viết khác", "bài viết khác", "tin mới hơn", "tin cũ hơn", "tin mới", "tin đọc nhiều", "xem nhiều nhất", "ý kiến bạn đọc",
        "gửi ý kiến", "bình luận", "ý kiến của bạn", "các bài đã đăng", "tin bài khác",
    ];

    /// <summary>Labels of a footer's contact line; two of them make one.</summary>
    public static readonly IReadOnlyList<string> ContactLabels = ["địa chỉ", "điện thoại", "đt", "tel", "fax", "email", "e-mail", "website", "hotline"];

    public static readonly IReadOnlyList<string> CopyrightMarks = ["bản quyền", "copyright", "©"];

    /// <summary>
    /// Labels of a source or author line. "nguồn" alone counts only before a colon or dash ("Nguồn vốn: ngân sách tỉnh" is body).
    /// </summary>
    public static readonly IReadOnlyList<string> AuthorLabels =
    [
        "theo", "nguồn", "nguồn tin", "nguồn phát hành", "tác giả", "tin, ảnh", "tin ảnh", "tin và ảnh", "bài, ảnh", "bài ảnh", "bài và ảnh", "người viết",
        "người đăng", "tin bài",
    ];

    /// <summary>Words of a block that names the site's publisher (read for the board when it stands outside the article).</summary>
    public static readonly IReadOnlyList<string> PublisherWords = ["Ban Quản lý", "BQL"];

    /// <summary>
    /// Lines and what they are, each run by a test inside an article: "date" and "publish-date" lines are read and
    /// dropped, "furniture", "contact" and "author" lines are dropped, "end" ends the article, "body" stays.
    /// </summary>
    public static readonly IReadOnlyList<(string Line, string Kind)> Examples =
    [
        ("Ngày đăng: 08/01/2019", "publish-date"), ("Thứ Năm - 11/01/2018 08:31 SA", "date"), ("09:15 | 12/03/2021", "date"),
        ("Cập nhật: 12/05/2023 | Lượt xem: 1573", "date"), ("Posted on 2023-05-12 by admin", "publish-date"),
        ("Lượt xem: 1573", "furniture"), ("In trang | Gửi email | Chia sẻ", "furniture"), ("Tăng cỡ chữ Giảm cỡ chữ", "furniture"),
        ("Quảng cáo", "furniture"), ("Free Ads", "furniture"), ("Hôm nay: Thứ Năm, 03/12/2026", "furniture"), ("Hôm nay, ngày 12/05/2021", "furniture"),
        ("Tin liên quan", "end"), ("Các tin khác:", "end"), ("Ý kiến bạn đọc", "end"),
        ("Địa chỉ: số 10 Lý Thái Tổ. Điện thoại: 0222.3822.111", "contact"), ("© 2023 Ban Quản lý các KCN", "contact"),
        ("Theo Minh Hương - Văn phòng Ban", "author"), ("Nguồn: Báo Đồng Nai", "author"), ("Tin, ảnh: Hồng Hà", "author"),
        ("Ngày 10/01/2024, Ban Quản lý tổ chức hội nghị tổng kết công tác năm 2023 với các doanh nghiệp.", "body"),
        ("Nguồn vốn: ngân sách tỉnh", "body"), ("Theo kế hoạch, năm 2024 Ban thu hút 20 dự án mới.", "body"),
    ];

    /// <summary>A regex alternation of the phrases, longest first, each escaped, spaces matching any run of spaces.</summary>
    public static string Alternatives(IEnumerable<string> phrases) =>
        string.Join('|', phrases.OrderByDescending(p => p.Length).Select(p => Regex.Escape(p).Replace("\\ ", "\\s+", StringComparison.Ordinal)));
}
