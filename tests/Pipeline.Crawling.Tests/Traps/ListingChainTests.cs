using Pipeline.Crawling.Discovery;

namespace Pipeline.Crawling.Tests.Traps;

/// <summary>The chain rule on its own: which pager links are queued as listings bring or do not bring articles.</summary>
public sealed class ListingChainTests
{
    private static Uri Page(int n) => new($"https://x.vn/tin-tuc?page={n}");

    private static Uri Article(int n) => new($"https://x.vn/bai-viet/tin-{n}.html");

    private static ListingLinks Links(IEnumerable<int> articles, params int[] pages) =>
        new(articles.Select(Article).ToList(), pages.Select(Page).ToList(), []);

    [Fact]
    public void ThreeListingsInARowWithNothingNewEndTheChain()
    {
        var chains = new ListingChains(3);
        var followed = new List<int>();
        for (var page = 1; page < 20; page++)
        {
            // Pages 1 and 2 are real; past them the pager answers with nothing but a next link.
            var result = chains.Follow(Page(page), Links(page <= 2 ? Enumerable.Range(page * 10, 10) : [], page + 1), depth: page - 1, maxDepth: 50);
            if (result.Listings.Count == 0)
            {
                Assert.Equal("listing chain ended: 3 pages with nothing new: 1 listing link not followed", result.Note);
                break;
            }

            followed.Add(page + 1);
        }

        Assert.Equal([2, 3, 4, 5], followed); // pages 3, 4 and 5 are read and bring nothing; page 6 is not queued
        Assert.Equal(1, chains.Stopped[ListingChains.ChainEnded(3)]);
    }

    [Fact]
    public void AListingShowingOnlyArticlesSeenBeforeBringsNothingNew()
    {
        var chains = new ListingChains(1);
        chains.Follow(Page(1), Links([1, 2, 3], 2), 0, 50);

        var again = chains.Follow(Page(2), Links([3, 2, 1], 3), 1, 50);

        Assert.Empty(again.Listings);
        Assert.Equal(3, again.Articles.Count); // queued anyway: the store keeps each URL once
    }

    [Fact]
    public void APageLinkedFromAProductiveListingIsFollowedWhateverElseLinksIt()
    {
        var chains = new ListingChains(1);
        chains.Follow(Page(1), Links([1], 2, 3), 0, 50);

        // Page 2 is empty and links page 3 again: page 3 keeps the count it had from page 1, and page 3 still leads on.
        var empty = chains.Follow(Page(2), Links([], 3, 4), 1, 50);
        var third = chains.Follow(Page(3), Links([7], 4), 1, 50);

        Assert.Empty(empty.Listings);
        Assert.Equal("listing chain ended: 1 page with nothing new: 1 listing link not followed", empty.Note); // page 4; page 3 was queued before
        Assert.Equal([Page(4)], third.Listings);
    }

    [Fact]
    public void TheBoardsDepthCapsTheChainAndSaysSo()
    {
        var chains = new ListingChains(3);

        var result = chains.Follow(Page(5), Links([50], 6, 7), depth: 4, maxDepth: 4);

        Assert.Empty(result.Listings);
        Assert.Equal("listing depth limit 4 reached: 2 listing links not followed", result.Note);
        Assert.Equal(1, chains.Stopped[ListingChains.DepthLimit]);
    }
}
