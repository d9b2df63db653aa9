using Pipeline.Application;
using Pipeline.Extraction;

namespace Pipeline.Application.Tests;

/// <summary>A large input tells its size, each step as it starts and when it is done (issue 17: large inputs are never silent).</summary>
public sealed class InputProgressTests
{
    private static readonly string Bulletin = File.ReadAllText(Directory.GetFiles(Repo.Path("corpus", "bulletins"), "*.txt").Order().First());

    private sealed class Recorder : IProgress<InputProgress>
    {
        public List<InputProgress> Seen { get; } = [];

        public void Report(InputProgress value)
        {
            lock (Seen)
            {
                Seen.Add(value);
            }
        }
    }

    [Fact]
    public void EveryStepIsToldInOrderThenDone()
    {
        var text = string.Join("\n\n", Enumerable.Repeat(Bulletin, 2));
        var recorder = new Recorder();
        var result = Inputs.Text("big.txt", text, progress: recorder);

        Assert.False(result.Failed);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), recorder.Seen[0].Bytes);
        Assert.Null(recorder.Seen[0].Stage);
        Assert.Equal(
            [ReadingStage.Article, ReadingStage.Numbers, ReadingStage.Figures, ReadingStage.Tables, ReadingStage.Model, ReadingStage.PageType],
            recorder.Seen.Where(p => p.Stage is not null).Select(p => p.Stage!.Value));
        Assert.True(recorder.Seen[^1].Done);
        Assert.True(recorder.Seen.Select(p => p.Elapsed).SequenceEqual(recorder.Seen.Select(p => p.Elapsed).Order()));
    }

    [Fact]
    public void ProgressChangesNothingOfWhatIsRead()
    {
        var quiet = Inputs.Text("a.txt", Bulletin);
        var told = Inputs.Text("a.txt", Bulletin, progress: new Recorder());
        Assert.Equal(quiet.Read!.Document.Figures, told.Read!.Document.Figures);
    }

    [Fact]
    public void AnInputThatFailsIsStillToldDone()
    {
        var recorder = new Recorder();
        var results = Inputs.ReadAll(["/nonexistent/a.txt", "-"], new StringReader(Bulletin), 2, progress: recorder).ToList();
        Assert.True(results[0].Failed);
        Assert.Contains(recorder.Seen, p => p.Source == "-" && p.Done);
    }
}
