using System.Net.Http.Headers;

namespace Pipeline.Crawling.Fetching;

/// <summary>Reads Retry-After, given in seconds or as an HTTP date (RFC 9110 §10.2.3).</summary>
public static class RetryAfter
{
    /// <summary>How long the server asked us to wait, never negative; null when it did not say.</summary>
    public static TimeSpan? Read(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
