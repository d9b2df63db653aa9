namespace Pipeline.Search.Tests;

/// <summary>Paging (Offset) and the order of hits (Sort), as the web interface pages through a search.</summary>
public class PagingTests(CorpusIndex corpus) : IClassFixture<CorpusIndex>
{
    private SearchResult Search(SearchRequest r) => corpus.Index.Search(r);

    [Theory]
    [InlineData("lao động")]
    [InlineData("khu cong nghiep")]
    public void Pages_follow_each_other_as_one_long_list(string text)
    {
        var whole = Search(new SearchRequest { Text = text, Limit = 30 });
        Assert.True(whole.Total > 30, $"'{text}' should match more than 30 documents");
        var paged = Enumerable.Range(0, 3).SelectMany(p => Search(new SearchRequest { Text = text, Limit = 10, Offset = p * 10 }).Hits).Select(h => h.Source).ToList();
        Assert.Equal(whole.Hits.Select(h => h.Source), paged);
        Assert.Equal(30, paged.Distinct().Count());
    }

    [Fact]
    public void The_first_page_is_what_a_request_without_offset_gives()
    {
        var plain = Search(new SearchRequest { Text = "vốn FDI" });
        var first = Search(new SearchRequest { Text = "vốn FDI", Offset = 0, Sort = SearchSort.Relevance });
        Assert.Equal(plain.Hits.Select(h => (h.Source, h.Score)), first.Hits.Select(h => (h.Source, h.Score)));
        Assert.Equal(plain.Total, first.Total);
    }

    [Fact]
    public void A_page_past_the_end_is_empty_and_still_counts_the_matches()
    {
        var all = Search(new SearchRequest { Text = "lao động", Province = "Bắc Ninh" });
        var beyond = Search(new SearchRequest { Text = "lao động", Province = "Bắc Ninh", Offset = all.Total + 10 });
        Assert.Empty(beyond.Hits);
        Assert.Equal(all.Total, beyond.Total);
    }

    [Fact]
    public void Partial_matches_continue_on_the_next_pages_after_the_full_ones()
    {
        // No page has all of these words: the list is partial matches only, and pages through them.
        var request = new SearchRequest { Text = "lao động nữ khu chế xuất", Limit = 4 };
        var first = Search(request);
        var second = Search(request with { Offset = 4 });
        Assert.Equal(4, first.Partial);
        Assert.NotEmpty(second.Hits);
        Assert.Empty(first.Hits.Select(h => h.Source).Intersect(second.Hits.Select(h => h.Source)));
        Assert.All(second.Hits, h => Assert.NotEmpty(h.Missing!));
    }

    [Fact]
    public void Sorting_by_date_lists_the_newest_first_with_the_same_matches()
    {
        var relevance = Search(new SearchRequest { Text = "lao động", Limit = 1000 });
        var byDate = Search(new SearchRequest { Text = "lao động", Limit = 1000, Sort = SearchSort.Date });
        Assert.Equal(relevance.Total, byDate.Total);
        Assert.Equal(relevance.Hits.Select(h => h.Source).Order(StringComparer.Ordinal), byDate.Hits.Select(h => h.Source).Order(StringComparer.Ordinal));
        var dates = byDate.Hits.Select(h => h.Published ?? "").ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.NotEqual(relevance.Hits.Take(10).Select(h => h.Source), byDate.Hits.Take(10).Select(h => h.Source));
        // Highlights are the same whichever the order.
        Assert.Contains("**", byDate.Hits[0].Snippet);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(RequestCheck.MaxOffset + 1)]
    public void An_offset_out_of_range_is_refused_by_name(int offset)
    {
        var e = Assert.Throws<SearchUsageException>(() => Search(new SearchRequest { Text = "lao động", Offset = offset }));
        Assert.Equal("offset", e.Problems.Single().Parameter);
    }
}
