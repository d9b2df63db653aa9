using System.Text;
using Pipeline.Extraction.Figures;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Tests;

public class TextPreparationTests
{
    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("Qúy", "Quý")]
    [InlineData("hoá đơn", "hóa đơn")]
    [InlineData("Khánh Hoà", "Khánh Hòa")]
    [InlineData("luỹ kế", "lũy kế")]
    [InlineData("TĂNG", "tăng")]
    public void Old_and_new_tone_placement_fold_to_one_key(string a, string b)
    {
        Assert.Equal(MatchKey.Fold(a), MatchKey.Fold(b));
        Assert.Equal(a.Length, MatchKey.Fold(a).Length);
    }

    [Fact]
    public void Folding_keeps_distinct_words_distinct()
    {
        Assert.NotEqual(MatchKey.Fold("đồng"), MatchKey.Fold("đông"));
        Assert.NotEqual(MatchKey.Fold("năm"), MatchKey.Fold("nằm"));
        Assert.NotEqual(MatchKey.Fold("ngàn"), MatchKey.Fold("ngân"));
    }

    [Fact]
    public void Cleaning_makes_NFC_reads_eth_as_D_and_plains_odd_spaces()
    {
        var decomposed = "Tha\u0300nh pho\u0302\u0301".Normalize(NormalizationForm.FormD);
        Assert.Equal("Thành phố", TextCleaner.Clean(decomposed));
        Assert.Equal("Đồng Nai", TextCleaner.Clean("\u00D0ồng\u00A0Nai"));
        Assert.Equal("a b", TextCleaner.Clean("a\u200B \u2009 b"));
        Assert.Equal("x\n\ny", TextCleaner.Clean("x\r\n\r\n\r\n\r\ny"));
    }

    [Fact]
    public void Unpaired_surrogates_are_dropped_and_pairs_kept()
    {
        Assert.Equal("ab", TextCleaner.Clean("a\uD83Db"));
        Assert.Equal("ab", TextCleaner.Clean("a\uDE00b"));
        Assert.Equal("a\uD83D\uDE00b", TextCleaner.Clean("a\uD83D\uDE00b"));
    }

    [Fact]
    public void Sentences_do_not_break_on_number_dots_abbreviations_or_dates()
    {
        var text = "Ngày 30/12/2020, TP. Hồ Chí Minh thu hút 2.599,5 tỷ đồng vào KCN. Tân Tạo. Năm 2021 tăng 5%. Q. 7 có dự án mới.";
        var sentences = SentenceSplitter.Split(text).Select(s => text[s.Span.Start..s.Span.End]).ToList();
        Assert.Equal(3, sentences.Count);
        Assert.StartsWith("Ngày 30/12/2020, TP. Hồ Chí Minh", sentences[0]);
        Assert.Equal("Năm 2021 tăng 5%.", sentences[1]);
    }

    [Fact]
    public void A_line_wrapped_mid_sentence_stays_one_sentence()
    {
        var text = "Tuy nhiên, bên\ncạnh kết quả đạt được vẫn còn hạn chế.\nDòng mới.";
        var sentences = SentenceSplitter.Split(text);
        Assert.Equal(2, sentences.Count);
    }

    [Theory]
    [InlineData("6 tháng đầu năm 2023", "2023-H1")]
    [InlineData("06 tháng đầu năm 2023", "2023-H1")]
    [InlineData("6 tháng cuối năm 2023", "2023-H2")]
    [InlineData("quý I/2020", "2020-Q1")]
    [InlineData("quý 1-2022", "2022-Q1")]
    [InlineData("quý III năm 2022", "2022-Q3")]
    [InlineData("10 tháng đầu năm 2022", "2022-01..2022-10")]
    [InlineData("9 tháng năm 2018", "2018-01..2018-09")]
    [InlineData("tháng 6/2023", "2023-06")]
    [InlineData("tính đến ngày 20/2/2023", "2023-02")]
    [InlineData("lũy kế đến hết tháng 6/2023", "..2023-06")]
    [InlineData("giai đoạn 2016-2020", "2016..2020")]
    [InlineData("lũy kế đến hết năm 2018", "..2018-12")]
    [InlineData("năm 2020", "2020")]
    [InlineData("nửa đầu năm 2021", "2021-H1")]
    [InlineData("từ đầu năm đến cuối tháng 11/2023", "2023-01..2023-11")]
    public void Period_forms_read_as_the_contract_writes_them(string text, string period)
    {
        var mention = Assert.Single(PeriodRecognizer.Find(MatchKey.Fold(text), 0));
        Assert.Equal(period, mention.Period);
    }

    [Fact]
    public void Year_less_periods_take_the_reference_year_and_comparison_bases_are_marked()
    {
        var mentions = PeriodRecognizer.Find(MatchKey.Fold("trong 6 tháng đầu năm, tăng 5% so với cùng kỳ năm 2022"), 2023);
        Assert.Equal("2023-H1", mentions[0].Period);
        Assert.True(mentions[1].Comparison);
    }

    [Theory]
    [InlineData("2023-H1", "2023-06")]
    [InlineData("2022", "2022-12")]
    [InlineData("2022-Q3", "2022-09")]
    [InlineData("2024-01..2024-10", "2024-10")]
    public void Stocks_are_measured_at_the_period_end(string period, string point) => Assert.Equal(point, PeriodRecognizer.EndPoint(period));
}
