namespace Pipeline.Crawling.Politeness;

/// <summary>
/// The gap kept between two requests to one host, decided here and nowhere else. A board's own
/// <c>delay_seconds</c> in the registry is what the board needs, so it replaces the run's delay
/// (<c>--delay</c>, the configuration, or <see cref="Fetching.CrawlSettings.DefaultDelay"/>) whether
/// it is shorter or longer; robots.txt's Crawl-delay is the site's own floor, which nothing goes under.
/// </summary>
public static class DelayRule
{
    public static TimeSpan Gap(TimeSpan run, TimeSpan? board, TimeSpan? crawlDelay)
    {
        var wanted = board ?? run;
        return crawlDelay is { } floor && floor > wanted ? floor : wanted;
    }
}
