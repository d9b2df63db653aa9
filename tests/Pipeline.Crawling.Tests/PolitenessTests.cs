using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
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
    public async Task TheGateLetsOneRequestInAtATimeAndSpacesThemFromTheEndOfTheLast()
    {
        var time = new FakeTimeProvider(Now);
        var gate = new HostGate(TimeSpan.FromSeconds(2), time);
        var first = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None);

        await AssertWaiting(second); // the first holds the gate
        time.Advance(TimeSpan.FromSeconds(10)); // however long the first response takes…
        first.Dispose();
        await AssertWaiting(second); // …the gap counts from its end
        time.Advance(TimeSpan.FromMilliseconds(1999));
        await AssertWaiting(second);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await second.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        Assert.Equal(Now + TimeSpan.FromSeconds(14), gate.NotBefore); // ended at +12 s, next at +14 s
    }

    [Fact]
    public async Task APostponedHostWaitsAndALongerCrawlDelayCountsFromTheLastRequest()
    {
        var time = new FakeTimeProvider(Now);
        var gate = new HostGate(TimeSpan.Zero, time);
        using (await gate.EnterAsync(CancellationToken.None))
        {
        }

        gate.ObeyCrawlDelay(TimeSpan.FromMilliseconds(150));
        gate.UseBoardDelay(TimeSpan.FromMilliseconds(50)); // never under Crawl-delay
        Assert.Equal(Now + TimeSpan.FromMilliseconds(150), gate.NotBefore);
        var entering = gate.EnterAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(149));
        await AssertWaiting(entering);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await entering.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();

        gate.Postpone(time.GetUtcNow().AddSeconds(10)); // Retry-After: 10
        entering = gate.EnterAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(9990));
        await AssertWaiting(entering);
        time.Advance(TimeSpan.FromMilliseconds(10));
        (await entering.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();

        Assert.Equal(TimeSpan.FromMilliseconds(150), gate.Delay);
    }

    /// <summary>The entry is still waiting: given a moment of real time to run, it has not been let in.</summary>
    private static async Task AssertWaiting(Task<IDisposable> entering)
    {
        await Task.Delay(50);
        Assert.False(entering.IsCompleted, "let in before its time");
    }
}
