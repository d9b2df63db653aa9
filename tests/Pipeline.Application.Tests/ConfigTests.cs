namespace Pipeline.Application.Tests;

public sealed class ConfigTests
{
    [Fact]
    public void AConfigurationFileSetsPathsAndCrawlSettings()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("pipeline-config-").FullName, "pipeline.json");
        File.WriteAllText(file, """
            {
              // comments are allowed
              "db": "/srv/pipeline/pipeline.db",
              "crawl": { "delay_seconds": 7.5, "contact_url": "https://example.org/lien-he", "max_retries": 0, "parallel_hosts": 3 }
            }
            """);
        try
        {
            var config = PipelineConfig.Load(["crawl", "--config", file]);

            Assert.Equal("/srv/pipeline/pipeline.db", config.Db);
            Assert.Equal(Path.Combine("data", "index"), config.Index);
            var settings = config.CrawlSettings();
            Assert.Equal(TimeSpan.FromSeconds(7.5), settings.Delay);
            Assert.Contains("+https://example.org/lien-he", settings.UserAgent, StringComparison.Ordinal);
            Assert.Equal(0, settings.MaxRetries);
            Assert.Equal(3, settings.ParallelHosts);
            Assert.Equal(TimeSpan.FromSeconds(20), settings.AttemptTimeout); // unset: the crawler's default
        }
        finally
        {
            PipelineConfig.Load([]);
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("{ \"dbb\": \"x\" }")]
    [InlineData("{ \"crawl\": { \"delay\": 1 } }")]
    [InlineData("not json")]
    public void AMistypedConfigurationIsRefusedWithItsPath(string json)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("pipeline-config-").FullName, "pipeline.json");
        File.WriteAllText(file, json);
        try
        {
            var e = Assert.Throws<InvalidOperationException>(() => PipelineConfig.Load(["--config", file]));
            Assert.StartsWith(file, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            PipelineConfig.Load([]);
            File.Delete(file);
        }
    }
}
