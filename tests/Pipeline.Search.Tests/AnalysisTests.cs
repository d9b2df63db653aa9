using Pipeline.Application;
using Pipeline.Search.Analysis;

namespace Pipeline.Search.Tests;

public class AnalysisTests
{
    [Theory]
    [InlineData("Đồng Nai", "đồng nai", "đông nai", "dong nai")]
    [InlineData("tăng trưởng", "tăng trưởng", "tăng trương", "tang truong")]
    [InlineData("Khánh Hoà", "khánh hòa", "khanh hoa", "khanh hoa")]
    [InlineData("Qúy", "quý", "quy", "quy")]
    public void Each_word_has_an_exact_a_tone_folded_and_a_folded_spelling(string word, string exact, string tones, string full)
    {
        Assert.Equal(VietnameseFold.Exact(exact), VietnameseFold.Exact(word));
        Assert.Equal(tones, VietnameseFold.Tones(word));
        Assert.Equal(full, VietnameseFold.Full(word));
    }

    [Theory]
    [InlineData("tyr leej laaps ddaayf", "tỷ lệ lấp đầy")]
    [InlineData("ddaafy", "đầy")]
    [InlineData("voons", "vốn")]
    [InlineData("truwowngf", "trường")]
    [InlineData("xuaats khaaur", "xuất khẩu")]
    [InlineData("Binhf Duwowng", "bình dương")]
    public void Telex_typing_is_read_as_Vietnamese(string typed, string reading) =>
        Assert.Equal(Pipeline.Core.Text.ToneKey.Fold(reading), Telex.Read(typed));

    [Theory]
    [InlineData("dong nai")]
    [InlineData("von FDI")]
    [InlineData("Đồng Nai")]
    public void Plain_words_are_not_mistaken_for_Telex(string text) => Assert.Null(Telex.Read(text));

    [Fact]
    public void Indexed_text_keeps_negations_and_comparisons_and_adds_syllable_shingles()
    {
        var terms = Analyzers.Terms(Analyzers.Exact, Fields.TextExact, "không tăng so với khu công nghiệp");
        Assert.Contains("không", terms);
        Assert.Contains("so", terms);
        Assert.Contains("với", terms);
        var folded = Analyzers.Terms(Analyzers.Full, Fields.TextFull, "không tăng so với khu công nghiệp");
        Assert.Contains("khu công", Analyzers.Terms(Analyzers.Tones, Fields.TextTones, "khu công nghiệp"));
        Assert.Contains("khu cong", folded);
        Assert.Contains("khu cong nghiep", folded);
    }
}

public class PeriodYearTests
{
    // A document with no published date is filed under its period's first year (FIGURES.md period strings).
    [Theory]
    [InlineData("2023", 2023)]
    [InlineData("2023-Q1", 2023)]
    [InlineData("2023-10", 2023)]
    [InlineData("..2023-06", 2023)]
    [InlineData("2022-10..2023-03", 2022)]
    [InlineData("2019-H1", 2019)]
    public void A_period_is_filed_under_its_first_year(string period, int year) => Assert.Equal(year, Pipeline.Core.Periods.FirstYear(period));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Q1")]
    public void A_period_without_a_year_has_none(string? period) => Assert.Null(Pipeline.Core.Periods.FirstYear(period));
}

public class SpellingStreamTests
{
    [Theory]
    [InlineData("Tổng vốn FDI của Bình Dương tăng 12,5% so với năm 2022; Khánh Hoà, Qúy I.")]
    [InlineData("  ĐỒNG NAI — khu công nghiệp  Nhơn Trạch 3  ")]
    [InlineData("")]
    public void Index_time_streams_give_the_same_terms_as_the_analyzers(string text)
    {
        var streams = new SpellingStreams(text);
        foreach (var (spelling, analyzer) in new[] { (Spelling.Exact, Analyzers.Exact), (Spelling.Tones, Analyzers.Tones), (Spelling.Full, Analyzers.Full) })
        {
            var expected = Analyzers.Terms(analyzer, "f", text).Order(StringComparer.Ordinal).ToList();
            var actual = new List<string>();
            using var stream = streams.Stream(spelling);
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                actual.Add(term.ToString());
            }

            Assert.Equal(expected, actual.Order(StringComparer.Ordinal).ToList());
        }
    }

    [Theory]
    [InlineData("cửa khẩu An Giang", "An Giang")]
    [InlineData("cua khau an giang", "An Giang")]
    [InlineData("von FDI ho chi minh", "TP. Hồ Chí Minh")]
    [InlineData("lao động Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu")]
    public void A_province_named_in_a_query_is_recognised_in_any_spelling(string query, string province) =>
        Assert.Equal([province], QueryBuilder.ProvincesNamed(QueryBuilder.Words(query), SearchLanguage.Vocabulary));

    [Theory]
    [InlineData("khu kinh tế cửa khẩu")]
    [InlineData("giang")]
    [InlineData("an toàn lao động")]
    public void A_query_naming_no_province_gets_no_province_preference(string query) =>
        Assert.Empty(QueryBuilder.ProvincesNamed(QueryBuilder.Words(query), SearchLanguage.Vocabulary));
}
