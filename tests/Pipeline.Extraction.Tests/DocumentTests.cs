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
