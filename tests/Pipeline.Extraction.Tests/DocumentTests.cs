using Pipeline.Extraction.Documents;
using Pipeline.Extraction.Html;

namespace Pipeline.Extraction.Tests;

public class DocumentTests
{
    public static TheoryData<string, string> HeaderLineExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in HeaderLines.Rules)
        {
            foreach (var example in rule.Examples)
            {
                data.Add(example, rule.Name);
            }
        }

        foreach (var headline in HeaderLines.HeadlineExamples)
        {
            data.Add(headline, "headline");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HeaderLineExamples))]
    public void Each_header_line_rule_names_its_examples(string line, string rule)
    {
        var fired = HeaderLines.Rule(line);
        Assert.Equal(rule, fired?.Name ?? (HeaderLines.ReadsAsHeadline(line) ? "headline" : "other"));
    }

    public static TheoryData<string, string, string> BoardExamples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (text, board, province) in BoardNames.Examples)
        {
            data.Add(text, board ?? "", province ?? "");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BoardExamples))]
    public void A_board_is_named_by_its_grammar_not_by_the_clause_after_it(string text, string board, string province)
    {
        var found = BoardNames.First(text);
        Assert.Equal(board, found?.Name ?? "");
        Assert.Equal(province, found?.Province ?? "");
    }

    private const string Body = "Năm 2023, các khu công nghiệp trên địa bàn tỉnh thu hút 25 dự án mới với tổng vốn đăng ký 820 triệu USD, "
                                + "vượt 12% kế hoạch năm và tăng 18% so với năm trước, theo báo cáo tổng kết của Ban.";

    [Theory]
    [InlineData("Trang chủ > Tin tức > Hoạt động KCN\nCác KCN Long An thu hút 25 dự án trong năm 2023\n12/01/2024")]
    [InlineData("Các KCN Long An thu hút 25 dự án trong năm 2023\n09:15 | 12/01/2024\nMột góc KCN Phúc Long (Ảnh: Minh Hà)")]
    [InlineData("Kinh tế | Đầu tư\n\nCác KCN Long An thu hút 25 dự án trong năm 2023\nThứ Sáu, 12/01/2024 - 08:20\nTin: Văn phòng Ban")]
    [InlineData("Các KCN Long An thu hút 25 dự án trong năm 2023\nNgày đăng: 12/01/2024 10:41\nBan Quản lý Khu kinh tế tỉnh Long An")]
    [InlineData("Cổng thông tin điện tử Ban Quản lý Khu kinh tế tỉnh Long An\nTin hoạt động\nCác KCN Long An thu hút 25 dự án trong năm 2023 (12/01/2024)")]
    public void The_title_of_a_text_is_its_headline_not_a_breadcrumb_caption_menu_or_byline(string header)
    {
        var d = DocumentExtractor.Extract("x.txt", header + "\n\n" + Body);
        Assert.Equal("Các KCN Long An thu hút 25 dự án trong năm 2023", d.Title);
        Assert.False(d.TitleIsFirstSentence);
        Assert.Equal("2024-01-12", d.Published);
        Assert.Equal("Long An", d.Province);
    }

    [Theory]
    [InlineData("date 2021-02 10:15\nMột góc KCN Phúc Long (Ảnh: Minh Hà)\n\n")]
    [InlineData("")]
    public void A_page_without_a_headline_shows_its_first_sentence_marked_as_such(string header)
    {
        var d = DocumentExtractor.Extract("x.txt", header + Body + " Doanh thu đạt 2,1 tỷ USD.");
        Assert.True(d.TitleIsFirstSentence);
        Assert.StartsWith("Năm 2023, các khu công nghiệp trên địa bàn tỉnh thu hút 25 dự án mới", d.Title);
        Assert.True(d.Title!.Length <= MetadataReader.FirstSentenceTitleChars + 1, d.Title);
        Assert.Contains(d.Figures, f => f.Value == 820_000_000m); // a first sentence shown as the title still gives its figures
    }

    [Theory]
    [InlineData("Ban Quản lý các KCN tỉnh Bình Dương được thành lập năm 1996 theo Quyết định số 84/QĐ-TTg ngày 25/01/1996.")]
    [InlineData("Ngày 10/01/2024, Ban Quản lý các KCN tỉnh Bình Dương tổ chức hội nghị tổng kết công tác năm 2023 với các doanh nghiệp.")]
    [InlineData("Theo Quyết định số 1234/QĐ-UBND ngày 12 tháng 3 năm 2019 của UBND tỉnh, các KCN được mở rộng thêm 350 ha.")]
    public void Published_is_null_when_the_page_shows_no_date_line_of_its_own(string lead)
    {
        var d = DocumentExtractor.Extract("x.txt", "Các KCN Bình Dương thu hút 25 dự án trong năm 2023\n\n" + lead + " " + Body);
        Assert.Null(d.Published);
        Assert.Equal("Các KCN Bình Dương thu hút 25 dự án trong năm 2023", d.Title);
    }

    [Fact]
    public void A_press_page_takes_its_province_from_the_text_never_from_an_advert()
    {
        var text = "Quảng cáo\nCho thuê nhà xưởng tại Bình Dương\nBình Dương, Bình Dương, giá tốt\n\nThanh Hóa: các KCN thu hút vốn tăng mạnh\n"
                   + "Thứ Hai, 10/07/2023 - 15:42\n\nSáu tháng đầu năm 2023, các khu công nghiệp tại Thanh Hóa thu hút 18 dự án, tổng vốn đăng ký khoảng 7.560 tỷ đồng, "
                   + "tăng mạnh so với cùng kỳ; sản xuất của doanh nghiệp lớn ổn định.\n\nLiên kết website\nSở Kế hoạch và Đầu tư Bình Dương\n";
        var d = DocumentExtractor.Extract("x.txt", text);
        Assert.Equal("Thanh Hóa", d.Province);
        Assert.Null(d.Board);
        Assert.Equal("2023-07-10", d.Published);
    }

    [Fact]
    public void A_known_province_and_board_win_over_what_the_text_suggests()
    {
        var text = "Các KCN thu hút 25 dự án trong năm 2023\n12/01/2024\n\nĐoàn công tác của Ban Quản lý các KCN tỉnh Đồng Nai đến học tập kinh nghiệm. " + Body;
        Assert.Equal("Đồng Nai", DocumentExtractor.Extract("x.txt", text).Province);
        var hinted = DocumentExtractor.Extract("x.txt", text, new DocumentHints("Bình Dương", "Ban Quản lý các KCN Bình Dương"));
        Assert.Equal("Bình Dương", hinted.Province);
        Assert.Equal("Ban Quản lý các KCN Bình Dương", hinted.Board);
    }

    [Fact]
    public void Reads_title_date_board_and_province_from_a_page_header()
    {
        var text = "Skip Ribbon Commands\nTin theo lĩnh vực Tổng hợp\nBan Quản lý các KCN tỉnh Bắc Ninh tổng kết công tác năm 2018\n"
                   + "Ngày đăng: 08/01/2019\n\nSáng ngày 07/01/2019, Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh tổ chức hội nghị tổng kết công tác năm 2018 "
                   + "với sự tham dự của lãnh đạo tỉnh, các sở ngành và doanh nghiệp trong các khu công nghiệp trên địa bàn.";
        var d = DocumentExtractor.Extract("x", text);
        Assert.Equal("Ban Quản lý các KCN tỉnh Bắc Ninh tổng kết công tác năm 2018", d.Title);
        Assert.Equal("2019-01-08", d.Published);
        Assert.Equal("Bắc Ninh", d.Province);
        Assert.Equal("Ban Quản lý các KCN tỉnh Bắc Ninh", d.Board);
        Assert.Equal("2018", d.Period);
    }

    [Fact]
    public void Html_pages_lose_scripts_navigation_and_counters_but_keep_table_cells_apart()
    {
        var html = """
            <html><head><title>Kết quả thu hút đầu tư</title><script>var x = 2024;</script></head><body>
            <nav><a href="/">Trang chủ</a> <a>Tin tức 2023</a></nav>
            <div class="counter">Đang truy cập: 25 Tổng lượt truy cập: 1203456</div>
            <article><h1>Kết quả thu hút đầu tư năm 2023</h1>
            <p>Năm 2023, các KCN thu hút 12 dự án với tổng vốn đăng ký 250 triệu USD.</p>
            <table><tr><td>Doanh thu</td><td>1.200 tỷ đồng</td></tr><tr><td>Lao động</td><td>5.000</td></tr></table></article>
            <footer>Điện thoại: 0251.3822.456</footer></body></html>
            """;
        var article = ArticleExtractor.Extract(html);
        Assert.DoesNotContain("truy cập", article.Body);
        Assert.DoesNotContain("var x", article.Body);
        Assert.Contains("Doanh thu | 1.200 tỷ đồng", article.Body);
        var d = DocumentExtractor.Extract("x.html", html);
        Assert.Equal("Kết quả thu hút đầu tư năm 2023", d.Title);
        Assert.Contains(d.Figures, f => f.Value == 12 && f.Unit == "project");
        Assert.Contains(d.Figures, f => f.Value == 250_000_000 && f.Unit == "USD");
        Assert.DoesNotContain(d.Figures, f => f.Value is 25 or 1203456);
    }

    [Fact]
    public void A_page_wrapped_in_one_form_still_yields_its_article()
    {
        var html = "<html><body><form id=\"f1\"><div class=\"menu\">Trang chủ</div><div class=\"news\"><p>Năm 2023 thu hút 9 dự án mới.</p>"
                   + "<p>Tổng vốn đăng ký đạt 86,3 triệu USD.</p><p>Doanh thu ước đạt 58.216 tỷ đồng.</p></div></form></body></html>";
        var d = DocumentExtractor.Extract("x.html", html);
        Assert.Contains(d.Figures, f => f.Value == 86_300_000);
    }
}
