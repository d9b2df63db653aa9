using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Extraction.Html;

namespace Pipeline.Extraction.Tests;

/// <summary>The portal-shaped pages in Pages/: their expected title, date, author, attachments, listing flag.</summary>
public static class PageFixtures
{
    public sealed record Expected(string Name, string Title, string? Published, string? From, string? Author, IReadOnlyList<string> Attachments, bool Listing, Uri? Url);

    private static readonly string Folder = Repo.Path("tests", "Pipeline.Extraction.Tests", "Pages");

    public static IReadOnlyDictionary<string, Expected> All { get; } = Load();

    public static string Html(string name) => File.ReadAllText(Path.Combine(Folder, name + ".html"), Encoding.UTF8);

    public static string Gold(string name) => File.ReadAllText(Path.Combine(Folder, name + ".gold.txt"), Encoding.UTF8);

    public static string PathOf(string name) => Path.Combine(Folder, name + ".html");

    public static TheoryData<string> Articles() => [.. All.Values.Where(e => !e.Listing).Select(e => e.Name).Order()];

    public static TheoryData<string> Listings() => [.. All.Values.Where(e => e.Listing).Select(e => e.Name).Order()];

    private static Dictionary<string, Expected> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "pages.json"), Encoding.UTF8));
        var result = new Dictionary<string, Expected>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var v = p.Value;
            string? S(string key) => v.TryGetProperty(key, out var x) && x.ValueKind == JsonValueKind.String ? x.GetString() : null;
            var attachments = v.TryGetProperty("attachments", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            var listing = v.TryGetProperty("listing", out var l) && l.GetBoolean();
            result[p.Name] = new Expected(p.Name, S("title")!, S("published"), S("from"), S("author"), attachments, listing, S("url") is { } u ? new Uri(u) : null);
        }

        return result;
    }
}

public class ArticleTests
{
    /// <summary>Phrases of page furniture that no bulletin's own text uses.</summary>
    public static readonly string[] FurniturePhrases =
    [
        "Tăng cỡ chữ", "Giảm cỡ chữ", "Thống kê truy cập", "Đang truy cập", "Lượt xem", "Lượt truy cập", "Tin liên quan", "Tin khác",
        "Các tin đã đưa", "In trang", "In bài", "Gửi email", "Gửi bài viết", "Ý kiến bạn đọc", "Gửi ý kiến", "Bình luận", "Chia sẻ",
        "Skip Ribbon", "Skip to main", "Skip portlet", "Trang chủ", "Trang nhất", "Trang sau", "Từ khóa", "Bản in", "Facebook", "Zalo",
        "Tweet", "Đang tải", "Điện thoại", "Fax", "BẢN QUYỀN", "Đánh giá", "Về đầu trang", "Quay lại", "Tệp đính kèm", "Bài trước",
        ".jpg", ".JPG", ".png", "Tin mới", "Liên kết website", "Hôm nay", "Đọc tiếp", "Chuyên mục", "Quảng cáo", "Free Ads", "Ngày đăng",
        "Qu¶n", "c«ng", "®Çu",
    ];

    private static Article Read(string name) => ArticleExtractor.Extract(PageFixtures.Html(name), PageFixtures.All[name].Url);

    [Theory]
    [MemberData(nameof(PageFixtures.Articles), MemberType = typeof(PageFixtures))]
    public void Body_matches_the_gold_text_at_token_F1_097(string name)
    {
        var article = Read(name);
        var f1 = TokenOverlap.F1(article.Body, PageFixtures.Gold(name));
        Assert.True(f1 >= 0.97, $"{name}: token F1 {f1:0.000} ({article.Reason})\n--- body ---\n{article.Body}");
    }

    [Theory]
    [MemberData(nameof(PageFixtures.Articles), MemberType = typeof(PageFixtures))]
    public void Body_holds_no_furniture_phrase(string name)
    {
        var body = Read(name).Body;
        var found = FurniturePhrases.Where(f => body.Contains(f, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, $"{name}: furniture {string.Join(", ", found)}\n--- body ---\n{body}");
    }

    [Theory]
    [MemberData(nameof(PageFixtures.Articles), MemberType = typeof(PageFixtures))]
    public void Title_date_date_source_and_author_are_read(string name)
    {
        var expected = PageFixtures.All[name];
        var article = Read(name);
        Assert.Equal(expected.Title, article.Title);
        Assert.Equal(expected.Published, article.Published);
        Assert.Equal(expected.From, article.PublishedFrom);
        Assert.Equal(expected.Author, article.Author);
        Assert.False(article.IsListing, article.Reason);
    }

    [Theory]
    [MemberData(nameof(PageFixtures.Articles), MemberType = typeof(PageFixtures))]
    public void Attachments_are_listed(string name)
    {
        var expected = PageFixtures.All[name];
        Assert.Equal(expected.Attachments, Read(name).Attachments.Select(a => a.Url).ToList());
    }

    [Theory]
    [MemberData(nameof(PageFixtures.Listings), MemberType = typeof(PageFixtures))]
    public void Listing_pages_are_flagged(string name)
    {
        var article = Read(name);
        Assert.True(article.IsListing, $"{name}: {article.Reason}\n{article.Body}");
    }

    [Fact]
    public void Table_cells_stay_apart_one_row_a_line()
    {
        var body = Read("sp-bac-ninh-quy-3-2022").Body;
        Assert.Contains("Chỉ tiêu | 9 tháng 2021 | 9 tháng 2022 | So sánh (%)\nDoanh thu (triệu USD) | 31.250 | 34.870 | 111,6\n", body);
        Assert.Contains("Ngành | Số dự án | Vốn (triệu USD)\nĐiện tử | 5 | 412", Read("dp-dong-nai-6-thang-2023").Body);
    }

    [Fact]
    public void File_name_captions_go_and_real_captions_stay()
    {
        var body = Read("sp-thai-nguyen-tong-ket-2017").Body;
        Assert.DoesNotContain("IMG_1709", body);
        Assert.DoesNotContain("DSC01234", body);
        Assert.Contains("\n\nQuang cảnh hội nghị tổng kết\n\n", body);
        Assert.Contains("Lãnh đạo UBND tỉnh phát biểu chỉ đạo hội nghị", body);
        var wordpress = Read("wp-long-an-du-an-2019").Body;
        Assert.DoesNotContain("trao-chung-nhan", wordpress);
        Assert.Contains("Cảng biển trong Khu kinh tế cửa khẩu Hà Tiên", Read("lr-kien-giang-ke-hoach-2024").Body);
    }

    [Fact]
    public void Attachments_resolve_against_the_page_url_and_keep_their_link_text()
    {
        var a = Assert.Single(Read("lr-kien-giang-ke-hoach-2024").Attachments);
        Assert.Equal("Kế hoạch xúc tiến đầu tư năm 2024", a.Text);
        Assert.StartsWith("https://bqlkkt.kiengiang.gov.vn/", a.Url);
    }

    [Fact]
    public void A_date_line_wins_over_the_url_and_the_url_is_the_last_resort()
    {
        Assert.Equal("date-line", Read("nv-nghe-an-vsip-2021").PublishedFrom); // its URL says 25/10
        var noUrl = ArticleExtractor.Extract(PageFixtures.Html("wp-ben-tre-doi-thoai-2023"));
        Assert.Null(noUrl.Published);
    }

    [Fact]
    public void The_template_learner_drops_a_block_the_site_repeats_but_markup_does_not_mark()
    {
        const string Notice = "Mọi ý kiến phản ánh về thủ tục hành chính xin gửi về Văn phòng Ban Quản lý qua đường dây nóng của Ban.";
        var page = PageFixtures.Html("wc-binh-dinh-doi-thoai-2024");
        Assert.Contains(Notice, ArticleExtractor.Extract(page).Body); // a plain paragraph in the article: markup alone keeps it

        // Four more pages of the same site: other articles in the same shell, the notice under each.
        var paragraphs = PageFixtures.Gold("wc-binh-dinh-doi-thoai-2024").Split("\n\n").Select(p => p.Trim()).Where(p => p != Notice).ToList();
        Assert.Equal(3, paragraphs.Count);
        var learner = new TemplateLearner();
        learner.Observe(page);
        for (var n = 1; n <= 4; n++)
        {
            var other = page;
            foreach (var p in paragraphs)
            {
                other = other.Replace(p, $"Bài thứ {n} của trang: {p.Length % (n + 7)} đoàn nhà đầu tư đến làm việc với Ban, nội dung {n * 13} khác hẳn.", StringComparison.Ordinal);
            }

            learner.Observe(other);
        }

        Assert.Empty(new TemplateLearner().Snapshot().Hashes);
        var template = learner.Snapshot();
        Assert.Equal(5, template.PagesObserved);

        var article = ArticleExtractor.Extract(page, template: template);
        Assert.DoesNotContain(Notice, article.Body);
        foreach (var p in paragraphs)
        {
            Assert.Contains(p, article.Body); // on one page in five: the article's own
        }
    }

    [Fact]
    public void A_site_template_round_trips_through_json()
    {
        var learner = new TemplateLearner();
        for (var i = 0; i < 3; i++)
        {
            learner.Observe($"<html><body><p>Khối văn bản chung của trang web.</p><p>Bài số {i} có nội dung riêng và dài hơn một chút.</p></body></html>");
        }

        var template = learner.Snapshot();
        var json = JsonSerializer.Serialize(template);
        var back = JsonSerializer.Deserialize<SiteTemplate>(json)!;
        Assert.Equal(template.PagesObserved, back.PagesObserved);
        Assert.Equal(template.Hashes.Order(), back.Hashes.Order());
        Assert.True(back.Contains("Khối văn bản chung của trang web."));
        Assert.True(back.Contains("Bài số 7 có nội dung riêng và dài hơn một chút."), "digit runs hash alike, so counters match");
    }

    [Fact]
    public void Selectors_win_when_they_match_and_are_ignored_when_they_do_not()
    {
        const string Html = """
            <html><head><title>Trang</title></head><body>
            <div class="lead-box"><h2 class="headline">Thông báo lịch tiếp doanh nghiệp tháng 6</h2><span class="when">03/06/2024</span>
            <p>Ban Quản lý tiếp doanh nghiệp vào sáng thứ Năm hằng tuần tại trụ sở Ban.</p></div>
            <div class="long-article"><p>Đây là một bài khác rất dài, có nhiều câu, nhiều dấu phẩy, nhiều số liệu, để bộ chấm điểm chọn nó.</p>
            <p>Năm 2023, các KCN thu hút 40 dự án, tổng vốn 1,5 tỷ USD, tăng 12%, vượt kế hoạch.</p>
            <p>Doanh thu đạt 20 tỷ USD, xuất khẩu 15 tỷ USD, nộp ngân sách 3.000 tỷ đồng, lao động 200.000 người.</p></div>
            </body></html>
            """;
        var generic = ArticleExtractor.Extract(Html);
        Assert.Contains("40 dự án", generic.Body);

        var chosen = ArticleExtractor.Extract(Html, selectors: new ArticleSelectors(Title: ".headline", Date: ".when", Body: ".lead-box p"));
        Assert.Equal("Ban Quản lý tiếp doanh nghiệp vào sáng thứ Năm hằng tuần tại trụ sở Ban.", chosen.Body);
        Assert.Equal("Thông báo lịch tiếp doanh nghiệp tháng 6", chosen.Title);
        Assert.Equal("2024-06-03", chosen.Published);
        Assert.Equal("selector", chosen.PublishedFrom);

        var unmatched = ArticleExtractor.Extract(Html, selectors: new ArticleSelectors(Body: ".no-such-thing", Title: "div[[bad"));
        Assert.Equal(generic.Body, unmatched.Body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("just some text, no markup at all")]
    [InlineData("<<<>>><<</")]
    [InlineData("<html><body><div><p>Không đóng thẻ <b>đậm <i>nghiêng <table><tr><td>1<td>2<tr><td>3")]
    [InlineData("<table><tr><td><table><tr><td><table><tr><td>lồng ba tầng</td></tr></table></td></tr></table></td></tr></table>")]
    [InlineData("<html><head><title>Chỉ có tiêu đề</title></head></html>")]
    [InlineData("<p>Năm 2023 thu hút 9 dự án mới với tổng vốn đăng ký 120 triệu USD, vượt kế hoạch.</p>")]
    [InlineData("<script type=\"application/ld+json\">{\"datePublished\": [1, {\"x\": </script><meta property=\"article:published_time\" content=\"not a date\">")]
    public void Malformed_html_does_not_crash(string html)
    {
        Assert.Null(Record.Exception(() => ArticleExtractor.Extract(html)));
    }

    [Fact]
    public void Deep_nesting_and_huge_inputs_are_read_in_bounded_time()
    {
        var deep = string.Concat(Enumerable.Repeat("<div><font>", 5000)) + "Năm 2023 thu hút 9 dự án mới, tổng vốn đăng ký 120 triệu USD." + string.Concat(Enumerable.Repeat("</font></div>", 5000));
        Assert.Contains("9 dự án", ArticleExtractor.Extract(deep).Body);

        var paragraph = "<p>Trong năm, các KCN thu hút 25 dự án mới, tổng vốn đăng ký 820 triệu USD, tăng 12% so với năm trước.</p>\n";
        var huge = "<html><body><div class=\"content\">" + string.Concat(Enumerable.Repeat(paragraph, 50_000_000 / paragraph.Length)) + "</div></body></html>";
        var sw = Stopwatch.StartNew();
        var article = ArticleExtractor.Extract(huge);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), $"took {sw.Elapsed}");
        Assert.Contains("cut to the first", article.Reason);
        Assert.Contains("25 dự án", article.Body);
    }

    [Fact]
    public void Pipeline_extract_format_text_prints_title_date_and_clean_body()
    {
        var stdout = new StringWriter();
        var code = Pipeline.Cli.Commands.Extract([PageFixtures.PathOf("sp-thai-nguyen-tong-ket-2017")], Pipeline.Cli.ExtractFormat.Text, TextReader.Null, stdout, new StringWriter());
        Assert.Equal(0, code);
        var text = stdout.ToString().Replace("\r\n", "\n");
        Assert.StartsWith("Các khu công nghiệp Thái Nguyên hoàn thành vượt kế hoạch thu hút đầu tư năm 2017\nNgày đăng: 11/01/2018 08:31\n\nSáng ngày 10/01/2018", text);
        Assert.DoesNotContain("Skip Ribbon", text);
        Assert.DoesNotContain("IMG_1709", text);
        Assert.True(TokenOverlap.F1(text, PageFixtures.Gold("sp-thai-nguyen-tong-ket-2017")) >= 0.9);
    }
}

/// <summary>Smaller cases: furniture that sits inside the article's own container, and lines that only look like it.</summary>
public class ArticleEdgeTests
{
    private static Article Body(string inner, string head = "") => ArticleExtractor.Extract(
        $"<html><head><title>Tin hoạt động</title>{head}</head><body><div class=\"menu\"><a href=\"/\">Trang chủ</a></div>"
        + $"<h1>Ban Quản lý các KCN tổ chức hội nghị tổng kết năm 2023</h1><div class=\"noidung\">{inner}</div>"
        + "<div class=\"footer\">Điện thoại: 0251.3822.456</div></body></html>");

    [Fact]
    public void A_sentence_that_opens_with_a_date_stays_in_the_body_and_is_not_the_published_date()
    {
        var article = Body("<p>Ngày 10/01/2024, Ban Quản lý tổ chức hội nghị.</p><p>Năm 2023, các KCN thu hút 25 dự án mới, tổng vốn đăng ký 820 triệu USD, vượt kế hoạch năm.</p>");
        Assert.StartsWith("Ngày 10/01/2024, Ban Quản lý tổ chức hội nghị.", article.Body);
        Assert.Null(article.Published);
    }

    private const string Lead = "<p>Năm 2023, các KCN thu hút 25 dự án mới, tổng vốn đăng ký 820 triệu USD, vượt kế hoạch năm.</p>";

    [Fact]
    public void Merged_cells_leave_their_other_places_empty_so_each_cell_stays_under_its_header()
    {
        var article = Body(Lead + "<table><tr><th rowspan=\"2\">Khu vực</th><th rowspan=\"2\">KCN</th><th colspan=\"2\">Vốn đầu tư</th></tr>"
            + "<tr><th>Triệu USD</th><th>Tỷ đồng</th></tr>"
            + "<tr><td rowspan=\"2\">Quận Hải An</td><td>KCN Đình Vũ</td><td>412,5</td><td>1.250</td></tr>"
            + "<tr><td>KCN Nam Đình Vũ</td><td>286,0</td><td>-</td></tr>"
            + "<tr><td colspan=\"2\">Tổng cộng</td><td>698,5</td><td>1.250</td></tr></table>");
        Assert.Contains("Khu vực | KCN | Vốn đầu tư |\n |  | Triệu USD | Tỷ đồng\nQuận Hải An | KCN Đình Vũ | 412,5 | 1.250\n"
                        + " | KCN Nam Đình Vũ | 286,0 | -\nTổng cộng |  | 698,5 | 1.250", article.Body.Replace(" \n", "\n"));
    }

    [Fact]
    public void A_rowspan_ends_with_its_row_group_and_a_one_cell_row_stays_a_line()
    {
        var article = Body(Lead + "<table><thead><tr><th rowspan=\"3\">Chỉ tiêu</th><th>Năm 2023</th></tr></thead>"
            + "<tbody><tr><td colspan=\"2\">I. Dự án FDI</td></tr><tr><td>Cấp mới</td><td>14</td></tr></tbody>"
            + "<tfoot><tr><td>Tổng</td><td rowspan=\"0\">14</td></tr><tr><td>Ghi chú</td></tr></tfoot></table>");
        var lines = article.Body.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains("Chỉ tiêu | Năm 2023", lines);
        Assert.Contains("I. Dự án FDI", lines); // a section title spanning the table is one cell, no padding
        Assert.Contains("Cấp mới | 14", lines); // the header's rowspan does not reach into the body
        Assert.Contains("Ghi chú |", lines); // rowspan="0" runs to the end of its group (the tfoot)
    }

    [Theory]
    [InlineData("<td colspan=\"abc\">A</td><td>1</td>", "A | 1")]
    [InlineData("<td colspan=\"-3\">A</td><td>1</td>", "A | 1")]
    [InlineData("<td colspan=\" 2 \">A</td><td>1</td>", "A |  | 1")]
    [InlineData("<td colspan=\"100000\">A</td><td>1</td>", "A |")]
    public void Malformed_or_huge_spans_are_read_as_html_reads_them_within_a_bound(string row, string expected)
    {
        var body = Body(Lead + $"<table><tr><td>Tên</td><td>Số</td></tr><tr>{row}</tr></table>").Body;
        Assert.Contains(expected, body);
        Assert.True(body.Length < 2000, body);
    }

    [Fact]
    public void A_date_line_with_a_view_count_and_an_author_is_read_and_dropped()
    {
        var article = Body("<p>Cập nhật: 12/05/2023 | Lượt xem: 1573 | Tác giả: Minh Anh</p><p>Năm 2023, các KCN thu hút 25 dự án mới, tổng vốn đăng ký 820 triệu USD, vượt kế hoạch năm.</p>");
        Assert.Equal("2023-05-12", article.Published);
        Assert.Equal("date-line", article.PublishedFrom);
        Assert.DoesNotContain("Lượt xem", article.Body);
    }

    [Fact]
    public void Web_part_titles_counters_and_print_bars_inside_the_container_are_dropped()
    {
        var article = Body("<div>PublishingPortal - Block_BanTin_Toolbar</div><div>Tăng cỡ chữ Giảm cỡ chữ</div>"
                           + "<p>Năm 2023, các KCN thu hút 25 dự án mới, tổng vốn đăng ký 820 triệu USD, vượt kế hoạch năm.</p>"
                           + "<p>In trang | Gửi email | Chia sẻ</p><p>Lượt xem: 1573</p><p>IMG_1709.jpg</p><p>Toàn cảnh hội nghị</p>"
                           + "<p>Doanh thu đạt 20 tỷ USD, xuất khẩu 15 tỷ USD, nộp ngân sách 3.000 tỷ đồng, lao động 200.000 người.</p>"
                           + "<h3>Tin liên quan</h3><p>Hội nghị đối thoại với doanh nghiệp năm 2023, có nhiều ý kiến đóng góp của doanh nghiệp.</p>");
        Assert.Equal(
            "Năm 2023, các KCN thu hút 25 dự án mới, tổng vốn đăng ký 820 triệu USD, vượt kế hoạch năm.\n\nToàn cảnh hội nghị\n\n"
            + "Doanh thu đạt 20 tỷ USD, xuất khẩu 15 tỷ USD, nộp ngân sách 3.000 tỷ đồng, lao động 200.000 người.",
            article.Body);
        Assert.Equal("Ban Quản lý các KCN tổ chức hội nghị tổng kết năm 2023", article.Title);
    }

    [Fact]
    public void An_article_body_is_not_a_listing_even_with_a_related_list_inside()
    {
        var related = string.Concat(Enumerable.Range(1, 8).Select(i => $"<li><a href=\"/tin/{i}\">Tin hoạt động của Ban Quản lý các khu công nghiệp số {i}</a></li>"));
        var article = Body("<p>Năm 2023, các KCN thu hút 25 dự án mới, tổng vốn đăng ký 820 triệu USD, vượt kế hoạch năm.</p>"
                           + "<p>Doanh thu đạt 20 tỷ USD, xuất khẩu 15 tỷ USD, nộp ngân sách 3.000 tỷ đồng, lao động 200.000 người.</p>"
                           + $"<h4>Các tin khác</h4><ul>{related}</ul>");
        Assert.False(article.IsListing, article.Reason);
        Assert.DoesNotContain("số 3", article.Body);
    }
}

/// <summary>The page's own date line is read and dropped; advert and partner boxes and mangled lines are furniture.</summary>
public class ArticleFurnitureTests
{
    private const string Lead = "<p>Năm 2023, các KCN thu hút 25 dự án mới, tổng vốn đăng ký 820 triệu USD, vượt kế hoạch năm.</p>";
    private const string Second = "<p>Doanh thu đạt 20 tỷ USD, xuất khẩu 15 tỷ USD, nộp ngân sách 3.000 tỷ đồng, lao động 200.000 người.</p>";

    private static Article Page(string underTitle, string inner) => ArticleExtractor.Extract(
        "<html><head><title>Tin hoạt động</title></head><body><div class=\"menu\"><a href=\"/\">Trang chủ</a></div>"
        + $"<h1>Các KCN thu hút 25 dự án mới trong năm 2023</h1>{underTitle}<div class=\"noidung\">{inner}</div></body></html>");

    [Theory]
    [InlineData("09:15 | 12/03/2021", "2021-03-12T09:15")]
    [InlineData("Ngày đăng: 02/06/2022 10:41", "2022-06-02T10:41")]
    [InlineData("Thứ Ba, 14/05/2019 - 08:20", "2019-05-14T08:20")]
    [InlineData("Thứ Ba, 14/05/2019 - 08:20 (GMT+7)", "2019-05-14T08:20")]
    [InlineData("Cập nhật lúc 10:41 ngày 02/06/2022", "2022-06-02T10:41")]
    [InlineData("12/03/2021 09:15:32 AM", "2021-03-12T09:15")]
    [InlineData("Thứ hai, ngày 12 tháng 3 năm 2021", "2021-03-12")]
    [InlineData("02/06/2022 | 10:41 | Tin hoạt động", "2022-06-02T10:41")]
    public void The_date_and_time_line_is_read_into_published_and_left_out_of_the_body(string line, string published)
    {
        foreach (var article in new[] { Page($"<div class=\"date\">{line}</div>", Lead + Second), Page("", $"<p>{line}</p>{Lead}{Second}") })
        {
            Assert.Equal(published, article.Published);
            Assert.Equal("date-line", article.PublishedFrom);
            Assert.DoesNotContain(line, article.Body);
            Assert.StartsWith("Năm 2023, các KCN", article.Body);
        }
    }

    public static TheoryData<string, string> PageWordExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (line, kind) in PageWords.Examples)
        {
            data.Add(line, kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PageWordExamples))]
    public void Each_page_word_example_is_read_as_its_kind_inside_an_article(string line, string kind)
    {
        var article = Page("", $"{Lead}<p>{line}</p>{Second}");
        var lead = "Năm 2023, các KCN thu hút 25 dự án mới, tổng vốn đăng ký 820 triệu USD, vượt kế hoạch năm.";
        var second = "Doanh thu đạt 20 tỷ USD, xuất khẩu 15 tỷ USD, nộp ngân sách 3.000 tỷ đồng, lao động 200.000 người.";
        switch (kind)
        {
            case "body":
                Assert.Equal($"{lead}\n\n{line}\n\n{second}", article.Body);
                break;
            case "end":
                Assert.Equal(lead, article.Body);
                break;
            default:
                Assert.Equal($"{lead}\n\n{second}", article.Body);
                Assert.Equal(kind is "date" or "publish-date", article.Published is not null);
                Assert.Equal(kind == "author" ? line : null, article.Author);
                break;
        }
    }

    [Fact]
    public void A_labelled_date_line_under_the_last_paragraph_is_the_pages_own()
    {
        var article = ArticleExtractor.Extract(PageFixtures.Html("nv-ha-nam-ngay-dang-cuoi-2022"));
        Assert.Equal("2022-06-02T10:41", article.Published);
        Assert.DoesNotContain("Ngày đăng", article.Body);
    }

    [Theory]
    [InlineData("<div class=\"box-qc\"><div class=\"t\">Quảng cáo</div><p>Cho thuê nhà xưởng xây sẵn tại KCN VSIP Bình Dương, diện tích từ 1.000 m2, giá thuê ưu đãi trong năm đầu.</p></div>", "Bình Dương")]
    [InlineData("<div class=\"box\"><b>Free Ads</b><p>Bán đất nền dự án ven biển Đà Nẵng, sổ hồng riêng, giá chỉ từ 15 triệu đồng/m2, hỗ trợ vay 70%.</p></div>", "Đà Nẵng")]
    [InlineData("<div class=\"box\"><h3>Liên kết website</h3><ul><li>Cổng thông tin điện tử tỉnh Long An, trang tin của tỉnh</li><li>Bộ Kế hoạch và Đầu tư</li></ul></div>", "Long An")]
    [InlineData("<p>Ban Qu¶n lý c¸c khu c«ng nghiÖp tØnh Qu¶ng Nam - Trung t©m xóc tiÕn ®Çu t­</p>", "t©m")]
    [InlineData("<p>Ban Quaûn lyù caùc khu coâng nghieäp tænh Quaûng Nam</p>", "Quaûn")]
    public void Advert_and_partner_boxes_and_mangled_lines_inside_the_article_are_furniture(string box, string mark)
    {
        var article = Page("<div class=\"date\">Ngày đăng: 02/06/2022 10:41</div>", Lead + box + Second);
        Assert.Equal(
            "Năm 2023, các KCN thu hút 25 dự án mới, tổng vốn đăng ký 820 triệu USD, vượt kế hoạch năm.\n\n"
            + "Doanh thu đạt 20 tỷ USD, xuất khẩu 15 tỷ USD, nộp ngân sách 3.000 tỷ đồng, lao động 200.000 người.",
            article.Body);
        Assert.DoesNotContain(mark, article.Body);
    }

    [Fact]
    public void A_quoted_phrase_and_units_are_not_mangled_text()
    {
        var article = Page("", Lead + "<p>Doanh nghiệp thực hiện phương án «ba tại chỗ», «một cung đường, hai điểm đến» trong đợt dịch; nhiệt độ xưởng 25°C, diện tích 500 m².</p>" + Second);
        Assert.Contains("«ba tại chỗ»", article.Body);
        Assert.Contains("500 m²", article.Body);
    }

    [Fact]
    public void An_advert_for_another_province_gives_neither_figures_nor_the_province()
    {
        var d = DocumentExtractor.Extract("bn.html", PageFixtures.Html("bn-quang-nam-chu-lai-quang-cao-2021"));
        Assert.Equal("Quảng Nam", d.Province);
        Assert.Equal("Ban Quản lý Khu kinh tế mở Chu Lai", d.Board);
        Assert.Equal("2021-03-12", d.Published);
        Assert.DoesNotContain(d.Figures, f => f.Sentence.Contains("Bình Dương", StringComparison.Ordinal) || f.Sentence.Contains("Đà Nẵng", StringComparison.Ordinal));
        Assert.Contains(d.Figures, f => f.Value == 1_245_000_000_000m);
    }

    [Fact]
    public void A_bold_photo_caption_under_the_date_is_not_the_title()
    {
        var article = ArticleExtractor.Extract(PageFixtures.Html("hm-binh-dinh-nhon-hoi-thu-ba-2019"));
        Assert.Equal("Khu kinh tế Nhơn Hội thu hút 3 dự án mới trong 4 tháng đầu năm 2019", article.Title);
    }

    [Theory]
    [InlineData("<div class=\"title-bar\">Trang chủ › Tin tức › Hoạt động</div>")]
    [InlineData("<h2>Một góc KCN Tam Thăng (Ảnh: Minh Hà)</h2>")]
    [InlineData("<div class=\"post-title\">date 2021-02 10:15</div>")]
    [InlineData("<h2>Kinh tế | Đầu tư | Xã hội</h2>")]
    public void Breadcrumbs_captions_date_lines_and_menus_are_never_the_title(string decoy)
    {
        var html = "<html><head><title>Cổng thông tin</title></head><body><div class=\"noidung\">"
                   + $"<h1>Các KCN thu hút 25 dự án mới trong năm 2023</h1>{decoy}{Lead}{Second}</div></body></html>";
        Assert.Equal("Các KCN thu hút 25 dự án mới trong năm 2023", ArticleExtractor.Extract(html).Title);

        var alone = "<html><head><title>Tin</title></head><body><div class=\"noidung\">" + decoy + Lead + Second + "</div></body></html>";
        var d = DocumentExtractor.Extract("x.html", alone);
        Assert.True(d.TitleIsFirstSentence, $"title «{d.Title}»");
        Assert.Equal("Năm 2023, các KCN thu hút 25 dự án mới, tổng vốn đăng ký 820 triệu USD, vượt kế hoạch năm.", d.Title);
    }
}

/// <summary>Pages with almost no markup to go by: bare paragraphs in the body, spans and line breaks.</summary>
public class BareMarkupTests
{
    [Fact]
    public void Bare_paragraphs_lose_the_footer_contact_line_and_keep_the_article()
    {
        const string Html = """
            <html><head><title>Tin tức</title></head><body>
            <ul><li><a href="/">Trang chủ</a></li><li><a href="/gt">Giới thiệu về Ban Quản lý các khu công nghiệp tỉnh</a></li></ul>
            <h2>Khánh thành nhà máy sợi tại KCN Quế Võ</h2><p>Ngày 12/4/2022</p>
            <p>Sáng 11/4, tại KCN Quế Võ, một công ty dệt sợi đã khánh thành nhà máy có tổng vốn đầu tư 65 triệu USD, công suất 20.000 tấn sợi mỗi năm.</p>
            <p>Nhà máy dùng dây chuyền tự động, tạo việc làm cho 600 lao động, dự kiến doanh thu năm đầu đạt 90 triệu USD.</p>
            <p>Ban Quản lý các KCN tỉnh. Địa chỉ: số 10 Lý Thái Tổ. Điện thoại: 0222.3822.111</p>
            </body></html>
            """;
        var article = ArticleExtractor.Extract(Html);
        Assert.Equal("Khánh thành nhà máy sợi tại KCN Quế Võ", article.Title);
        Assert.Equal("2022-04-12", article.Published);
        Assert.DoesNotContain("Điện thoại", article.Body);
        Assert.EndsWith("dự kiến doanh thu năm đầu đạt 90 triệu USD.", article.Body);
        Assert.Equal("Ban Quản lý các KCN tỉnh. Địa chỉ: số 10 Lý Thái Tổ. Điện thoại: 0222.3822.111", article.Site);
    }

    [Fact]
    public void A_title_in_a_plain_span_is_the_line_above_the_date()
    {
        const string Html = """
            <html><head><title>BQL KKT</title></head><body><form id="f1"><div class="af_panelGroupLayout" id="pt1">
            <div id="pt1:left"><a href="/a">Giới thiệu</a><br><a href="/b">Tin tức</a></div>
            <div class="af_panelGroupLayout" id="pt1:c"><span class="af_outputText">Xuất nhập khẩu qua cửa khẩu quốc tế tăng mạnh</span><br>
            <span class="af_outputText">24/02/2024 10:15</span><br>
            <div class="af_outputFormatted">Trong tháng 1/2024, kim ngạch xuất nhập khẩu qua cửa khẩu quốc tế đạt 312 triệu USD, tăng 41% so với cùng kỳ.<br><br>
            Lượng phương tiện xuất nhập cảnh bình quân đạt 1.250 lượt mỗi ngày, chủ yếu chở nông sản, trái cây và thủy sản.<br></div>
            </div></div></form></body></html>
            """;
        var article = ArticleExtractor.Extract(Html);
        Assert.Equal("Xuất nhập khẩu qua cửa khẩu quốc tế tăng mạnh", article.Title);
        Assert.Equal("2024-02-24T10:15", article.Published);
        Assert.StartsWith("Trong tháng 1/2024", article.Body);
        Assert.EndsWith("thủy sản.", article.Body);
    }
}

public class ListingShapeTests
{
    [Fact]
    public void A_hand_made_listing_table_of_titles_with_teasers_is_a_listing()
    {
        var rows = string.Concat(Enumerable.Range(1, 10).Select(i =>
            $"<tr><td><a href=\"/tintuc.asp?id={i}\">Ban Quản lý làm việc với doanh nghiệp trong khu công nghiệp, đợt {i}</a><br>"
            + $"Trong buổi làm việc, doanh nghiệp báo cáo tình hình sản xuất, kinh doanh và kiến nghị tháo gỡ khó khăn về lao động, đất đai (đợt {i}).</td></tr>"));
        var html = $"<html><head><title>Tin tức</title></head><body><table><tr><td><b>TIN HOẠT ĐỘNG</b></td></tr>{rows}</table></body></html>";
        var article = ArticleExtractor.Extract(html);
        Assert.True(article.IsListing, article.Reason);
    }
}

public class ArticleFuzzTests
{
    private static readonly string[] Pieces =
    [
        "<div>", "</div>", "<p>", "</p>", "<table>", "<tr>", "<td>", "</td>", "</table>", "<br>", "<a href=\"/x.pdf\">", "</a>", "<h1>", "</h1>",
        "<ul><li>", "</li>", "<script>", "</script>", "<!--", "-->", "<div class=\"menu\">", "<div class=\"content\">", "<font size=4><b>",
        "Ngày đăng: 08/01/2019", "Lượt xem: 15", "IMG_1709.jpg", "Năm 2023 thu hút 25 dự án, vốn 820 triệu USD.", "Tin liên quan", "&nbsp;",
        "<meta property=\"article:published_time\" content=\"2023-13-45\">", "<script type=\"application/ld+json\">{\"datePublished\":", "<", ">", "\"", "&",
        "Thứ Năm - 11/01/2018 08:31 SA", "(27/07/2023)", "<time datetime=\"x\">", "<img src=a.jpg alt=b>", "<th>", "<caption>", "<figcaption>",
    ];

    [Fact]
    public void Random_tag_soup_never_throws_and_gives_a_well_formed_article()
    {
        var random = new Random(20240611);
        for (var run = 0; run < 400; run++)
        {
            var html = string.Concat(Enumerable.Range(0, random.Next(1, 120)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var article = ArticleExtractor.Extract(html, new Uri("https://bqlkcn.example.gov.vn/2023/07/27/tin"));
            Assert.DoesNotContain(article.Body.Split('\n'), line => line.Trim() == "IMG_1709.jpg");
            Assert.True(article.Published is null || DateOnly.TryParse(article.Published[..10], System.Globalization.CultureInfo.InvariantCulture, out _), article.Published);
        }
    }
}
