using System.Text.Json;
using Pipeline.Core;

namespace Pipeline.Application.Tests;

/// <summary>Reading many inputs on several threads: the same results in input order as one thread gives, and a prompt stop.</summary>
public sealed class ParallelInputTests : IDisposable
{
    private static readonly string[] Corpus = [.. Directory.GetFiles(Repo.Path("corpus", "bulletins"))
        .Where(p => p.EndsWith(".txt", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)];

    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-parallel-").FullName;

    [Fact]
    public void FourThreadsGiveTheCorpusByteForByteAsOneThreadDoes()
    {
        var one = Inputs.ReadAll(Corpus, TextReader.Null, parallel: 1).ToList();
        var four = Inputs.ReadAll(Corpus, TextReader.Null, parallel: 4).ToList();

        Assert.Equal(Corpus, one.Select(r => r.Source));
        Assert.Equal(Corpus, four.Select(r => r.Source));
        Assert.All(four, r => Assert.Null(r.Error));
        Assert.Equal(one.Select(Serialized), four.Select(Serialized));
    }

    [Fact]
    public void AFailingInputInTheMiddleIsReportedInItsPlace()
    {
        var missing = Path.Combine(_folder, "missing.txt");
        var binary = Path.Combine(_folder, "image.bin");
        File.WriteAllBytes(binary, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i % 7))]);
        string[] sources = [Corpus[0], Corpus[1], missing, Corpus[2], binary, Corpus[3]];

        var results = Inputs.ReadAll(sources, TextReader.Null, parallel: 3).ToList();

        Assert.Equal(sources, results.Select(r => r.Source));
        Assert.Equal(new[] { false, false, true, false, true, false }, results.Select(r => r.Failed));
        Assert.Equal("no such file", results[2].Error);
        Assert.Contains("binary", results[4].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardInputIsReadInItsPlaceSoASecondDashFindsItEmptyAsWithOneThread()
    {
        var text = File.ReadAllText(Corpus[0]);
        string[] sources = [Corpus[1], "-", Corpus[2], "-"];

        var one = Inputs.ReadAll(sources, new StringReader(text), parallel: 1).ToList();
        var four = Inputs.ReadAll(sources, new StringReader(text), parallel: 4).ToList();

        Assert.NotEmpty(four[1].Read!.Document.Figures);
        Assert.Equal(one.Select(Serialized), four.Select(Serialized));
    }

    [Fact]
    public void CancellingStopsWhileInputsAreStillRunningAndStartsNoMore()
    {
        using var cancel = new CancellationTokenSource();
        using var release = new ManualResetEventSlim(false);
        var started = 0;
        var work = Enumerable.Range(0, 100).Select(i => (Func<int>)(() =>
        {
            Interlocked.Increment(ref started);
            if (i > 0)
            {
                release.Wait(TimeSpan.FromSeconds(30)); // these would hold a waiting reader for half a minute
            }

            return i;
        }));

        using var results = InOrder.Run(work, parallel: 2, cancel.Token).GetEnumerator();
        Assert.True(results.MoveNext());
        Assert.Equal(0, results.Current);
        cancel.Cancel();

        // The next result is still running: the reader is told at once instead of waiting for it.
        Assert.ThrowsAny<OperationCanceledException>(() => results.MoveNext());
        release.Set();
        Assert.InRange(Volatile.Read(ref started), 1, 5); // a window of 2 × 2 pieces at most, never the whole list
    }

    [Fact]
    public void AFaultInOnePieceIsThrownInItsPlaceAfterTheResultsBeforeIt()
    {
        var work = Enumerable.Range(0, 6).Select(i => (Func<int>)(() => i == 3 ? throw new InvalidDataException("piece 3") : i));

        var seen = new List<int>();
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var value in InOrder.Run(work, parallel: 3))
            {
                seen.Add(value);
            }
        });

        Assert.Equal("piece 3", error.Message);
        Assert.Equal(new[] { 0, 1, 2 }, seen);
        Assert.Throws<ArgumentOutOfRangeException>(() => InOrder.Run(work, parallel: 0).ToList());
    }

    [Fact]
    public void IndexingOnSeveralThreadsAddsTheSameDocumentsAsOneThread()
    {
        var sources = Corpus.Take(12).Append(Path.Combine(_folder, "missing.txt")).ToArray();

        var one = Searches.IndexFiles(sources, TextReader.Null, Path.Combine(_folder, "one"), parallel: 1);
        var four = Searches.IndexFiles(sources, TextReader.Null, Path.Combine(_folder, "four"), parallel: 4);

        Assert.Equal((12, 1), (one.Documents, one.Failed));
        Assert.Equal(one.Notes, four.Notes);
        Assert.Equal((one.Documents, one.Figures, one.InIndex), (four.Documents, four.Figures, four.InIndex));
    }

    private static string Serialized(InputResult result) => result.Read is { } read
        ? JsonSerializer.Serialize(read.Document) + "\n" + read.CleanText + "\n" + read.PageType
        : "failed: " + result.Error;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
