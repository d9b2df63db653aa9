using System.Globalization;
using Pipeline.Application;
using Pipeline.Extraction;

namespace Pipeline.Cli;

/// <summary>
/// On a terminal, a large input (1 MB or more) says what it is doing, step by step with the time so far, so a
/// long read is never silent; small inputs say nothing. Lines, not a redrawn bar: several inputs may be read
/// at once on different threads.
/// </summary>
public sealed class LargeInputProgress(TextWriter stderr, long threshold = LargeInputProgress.DefaultThreshold) : IProgress<InputProgress>
{
    public const long DefaultThreshold = 1_000_000;

    private readonly Lock _lock = new();

    public void Report(InputProgress value)
    {
        if (value.Bytes < threshold)
        {
            return;
        }

        var seconds = value.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var line = value switch
        {
            { Done: true } => $"pipeline: {value.Source}: read in {seconds} s",
            { Stage: { } stage } => $"pipeline: {value.Source}: {Describe(stage)}… ({seconds} s)",
            _ => $"pipeline: reading {value.Source} ({(value.Bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture)} MB)",
        };
        lock (_lock)
        {
            stderr.WriteLine(line);
        }
    }

    private static string Describe(ReadingStage stage) => stage switch
    {
        ReadingStage.Article => "article, title and date",
        ReadingStage.Numbers => "numbers",
        ReadingStage.Figures => "periods and figures",
        ReadingStage.Tables => "tables",
        ReadingStage.Model => "metric model",
        ReadingStage.PageType => "page type",
        _ => stage.ToString(),
    };
}
