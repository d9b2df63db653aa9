using Pipeline.Application;
using Pipeline.Extraction;

namespace Pipeline.Search.Tests;

/// <summary>The search syntax (phrases, exclusions, OR), partial matches, and the checks on what the user typed.</summary>
public sealed class SyntaxAndPartialTests : IDisposable
{
    private static readonly (string Source, string Text)[] Pages =
    [
        ("dong-nai", "Năm 2023, các khu công nghiệp Đồng Nai thu hút 814 triệu USD vốn FDI; kim ngạch xuất khẩu đạt 9 tỷ USD."),
        ("binh-duong", "Năm 2023, các KCN Bình Dương thu hút 12 dự án đầu tư trong nước và cấp mới 30 dự án."),
        ("scattered", "Khu nhà ở công nhân được xây dựng; ngành công nghiệp phụ trợ của tỉnh Long An phát triển."),
        ("ha-nam", "Các KCN Hà Nam giải quyết việc làm cho 20.000 lao động, doanh thu tăng 8% trong năm 2023."),
    ];

    private readonly SearchIndex _index = SearchIndex.InMemory(SearchLanguage.Vocabulary);

    public SyntaxAndPartialTests()
    {
        foreach (var (source, text) in Pages)
        {
            _index.Upsert(new IndexedDocument(DocumentExtractor.Extract(source, text), text));
        }

        _index.Commit();
    }

    private List<string> Sources(string query) => [.. _index.Search(new SearchRequest { Text = query }).Hits.Select(h => h.Source)];

    [Theory]
    [InlineData("\"khu công nghiệp\"", new[] { "A" }, new string[0])]
    [InlineData("khu -FDI", new[] { "A" }, new[] { "FDI" })]
    [InlineData("vốn -\"xuất khẩu\" năm", new[] { "A", "B" }, new[] { "xuất khẩu" })]
    [InlineData("Đồng Nai OR \"Bình Dương\"", new[] { "Đồng", "Nai OR Bình Dương" }, new string[0])]
    [InlineData("-5% tăng", new[] { "A", "B" }, new string[0])]
    [InlineData("  ... !!! ", new string[0], new string[0])]
    public void Queries_are_read_into_parts_and_exclusions(string query, string[] parts, string[] excluded)
    {
        var parsed = QuerySyntax.Parse(query);
        Assert.Equal(parts.Length, parsed.Parts.Count);
        Assert.Equal(excluded, parsed.Excluded.Select(e => e.Typed));
        Assert.Equal(parts.Length == 0, parsed.IsEmpty);
    }

    [Fact]
    public void A_quoted_phrase_needs_its_words_side_by_side()
    {
        Assert.Equal(["scattered"], Sources("công nhân phụ trợ")); // the words, anywhere
        Assert.Empty(Sources("\"công nhân phụ trợ\""));
        Assert.Equal(["scattered"], Sources("\"cong nghiep phu tro\""));
    }

    [Fact]
    public void A_minus_word_leaves_out_the_pages_that_have_it_in_any_spelling()
    {
        Assert.Contains("dong-nai", Sources("năm 2023"));
        Assert.DoesNotContain("dong-nai", Sources("năm 2023 -fdi"));
        Assert.DoesNotContain("dong-nai", Sources("năm 2023 -\"xuat khau\""));
        Assert.Contains("binh-duong", Sources("năm 2023 -\"xuat khau\""));
    }

    [Fact]
    public void OR_takes_either_term()
    {
        Assert.Equal(["binh-duong", "dong-nai"], Sources("\"Đồng Nai\" OR \"Bình Dương\"").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Pages_with_most_of_the_words_follow_the_full_matches_and_say_what_they_lack()
    {
        var result = _index.Search(new SearchRequest { Text = "doanh thu lao động KCN Hà Nam 2023 nữ" });

        // No page says "nữ": the Hà Nam page has every other word and is listed, saying so.
        Assert.Equal(0, result.Total);
        Assert.Equal(1, result.Partial);
        var hit = Assert.Single(result.Hits);
        Assert.Equal("ha-nam", hit.Source);
        Assert.Equal(["nữ"], hit.Missing);
    }

    [Fact]
    public void A_full_match_ranks_above_every_partial_one()
    {
        var hits = _index.Search(new SearchRequest { Text = "KCN thu hút dự án đầu tư trong nước 2023" }).Hits;

        Assert.Equal("binh-duong", hits[0].Source);
        Assert.Empty(hits[0].Missing!);
        Assert.All(hits.Skip(1), h => Assert.NotEmpty(h.Missing!));
    }

    [Fact]
    public void A_place_in_the_query_still_filters_partial_matches()
    {
        // Đồng Nai's page has the rest of the words, but not the place asked for: it is not listed.
        var result = _index.Search(new SearchRequest { Text = "vốn FDI xuất khẩu Bình Dương 2023" });
        Assert.DoesNotContain(result.Hits, h => h.Source == "dong-nai");
    }

    [Theory]
    [InlineData(null, "query")]
    [InlineData("  ?!… ", "query")]
    public void An_empty_query_without_filters_is_refused(string? text, string parameter)
    {
        var e = Assert.Throws<SearchUsageException>(() => _index.Search(new SearchRequest { Text = text }));
        Assert.Equal(parameter, Assert.Single(e.Problems).Parameter);
    }

    [Fact]
    public void Every_problem_of_a_request_is_reported_at_once_in_the_users_words()
    {
        var e = Assert.Throws<SearchUsageException>(() => _index.Search(new SearchRequest
        {
            Text = "vốn",
            Limit = 0,
            Min = 10,
            Max = 5,
            FromYear = 2024,
            ToYear = 2020,
            Metric = "capital",
            Unit = "dollars",
            Province = "Bình Dươn",
        }));

        var problems = e.Problems.ToDictionary(p => p.Parameter, p => p.Message);
        Assert.Equal(["from", "limit", "metric", "min", "province", "unit"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("investment_capital", problems["metric"]);
        Assert.Contains("USD", problems["unit"]);
        Assert.Contains("did you mean 'Bình Dương'", problems["province"]);
        Assert.Contains("--max 5", problems["min"]);
    }

    [Fact]
    public void Values_in_another_case_or_spelling_are_read_as_the_index_writes_them()
    {
        var (request, problems) = RequestCheck.Normalize(new SearchRequest { Text = "vốn", Metric = "Investment_Capital", Unit = "usd", Province = "tp.hcm" }, SearchLanguage.Vocabulary);

        Assert.Empty(problems);
        Assert.Equal(("investment_capital", "USD", "TP. Hồ Chí Minh"), (request.Metric, request.Unit, request.Province));
        Assert.NotEmpty(_index.Search(new SearchRequest { Metric = "INVESTMENT_CAPITAL", Unit = "usd" }).Figures);
    }

    [Fact]
    public void Without_words_the_newest_documents_are_listed_up_to_the_limit()
    {
        var result = _index.Search(new SearchRequest { Metric = "investment_capital", Limit = 1 });
        Assert.Single(result.Hits);
        Assert.NotEmpty(result.Hits[0].Figures);
    }

    public void Dispose() => _index.Dispose();
}
