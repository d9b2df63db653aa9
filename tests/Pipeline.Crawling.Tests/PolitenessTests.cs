using System.Net.Http.Headers;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Politeness;

namespace Pipeline.Crawling.Tests;

public sealed class PolitenessTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RetryAfterIsReadInSecondsOrAsADate()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), RetryAfter.Read(RetryConditionHeaderValue.Parse("120"), Now));
        Assert.Equal(TimeSpan.FromSeconds(90), RetryAfter.Read(RetryConditionHeaderValue.Parse(Now.AddSeconds(90).ToString("R")), Now));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Read(RetryConditionHeaderValue.Parse(Now.AddHours(-1).ToString("R")), Now));
        Assert.Null(RetryAfter.Read(null, Now));
    }

    [Fact]
    public async Task TheGateLetsOneRequestInAtATimeAndSpacesThem()
    {
        var gate = new HostGate(TimeSpan.FromMilliseconds(60), TimeProvider.System);
        var inside = 0;
        var most = 0;
        var ends = new List<DateTimeOffset>();
        var starts = new List<DateTimeOffset>();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using (await gate.EnterAsync(CancellationToken.None))
            {
                var now = Interlocked.Increment(ref inside);
                lock (starts)
                {
                    most = Math.Max(most, now);
                    starts.Add(DateTimeOffset.UtcNow);
                }

                await Task.Delay(10);
                Interlocked.Decrement(ref inside);
                lock (starts)
                {
                    ends.Add(DateTimeOffset.UtcNow);
                }
            }
        }));

        Assert.Equal(1, most);
        starts.Sort();
        ends.Sort();
        for (var i = 1; i < starts.Count; i++)
        {
            Assert.True(starts[i] - ends[i - 1] >= TimeSpan.FromMilliseconds(55), $"gap {(starts[i] - ends[i - 1]).TotalMilliseconds} ms");
        }
    }

    [Fact]
    public async Task APostponedHostWaitsAndALongerCrawlDelayCountsFromTheLastRequest()
    {
        var gate = new HostGate(TimeSpan.Zero, TimeProvider.System);
        using (await gate.EnterAsync(CancellationToken.None))
        {
        }

        var ended = DateTimeOffset.UtcNow;
        gate.ObeyCrawlDelay(TimeSpan.FromMilliseconds(150));
        gate.UseBoardDelay(TimeSpan.FromMilliseconds(50)); // never under Crawl-delay
        using (await gate.EnterAsync(CancellationToken.None))
        {
            Assert.True(DateTimeOffset.UtcNow - ended >= TimeSpan.FromMilliseconds(140));
        }

        gate.Postpone(DateTimeOffset.UtcNow.AddMilliseconds(300));
        var asked = DateTimeOffset.UtcNow;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            Assert.True(DateTimeOffset.UtcNow - asked >= TimeSpan.FromMilliseconds(290));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(150), gate.Delay);
    }
}
