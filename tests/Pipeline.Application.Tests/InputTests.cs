using Pipeline.Core;
using Pipeline.Learning.Pages;

namespace Pipeline.Application.Tests;

/// <summary>The "read one input" use case and the index built from files, driven without the CLI.</summary>
public sealed class InputTests : IDisposable
{
    private static readonly string[] Bulletins = [.. Directory.GetFiles(Repo.Path("corpus", "bulletins"), "*.txt").Order(StringComparer.Ordinal).Take(3)];

    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-inputs-").FullName;

    [Fact]
    public void ABulletinIsReadIntoFiguresThatPointIntoItsCleanTextWithAPageType()
    {
        var result = Inputs.Read(Bulletins[0], TextReader.Null);

        Assert.Null(result.Error);
        var read = result.Read!;
        Assert.NotEmpty(read.Document.Figures);
        Assert.All(read.Document.Figures, f => Assert.Equal(f.Text, read.CleanText[f.Start..f.End]));
        Assert.Contains(read.PageType.Type, PageTypes.All);
        Assert.InRange(read.PageType.Score, 0, 1);
    }

    [Fact]
    public void StandardInputAFileAndBytesGiveTheSameDocument()
    {
        var text = File.ReadAllText(Bulletins[1]);

        var fromFile = Inputs.Read(Bulletins[1], TextReader.Null).Read!;
        var fromStdin = Inputs.Read("-", new StringReader(text)).Read!;
        var fromBytes = Inputs.Bytes("b.txt", File.ReadAllBytes(Bulletins[1])).Read!;

        Assert.Equal(fromFile.CleanText, fromStdin.CleanText);
        Assert.NotEmpty(fromFile.Document.Figures);
        Assert.Equal(FigureJson.Serialize(fromFile.Document.Figures), FigureJson.Serialize(fromStdin.Document.Figures));
        Assert.Equal(FigureJson.Serialize(fromFile.Document.Figures), FigureJson.Serialize(fromBytes.Document.Figures));
        Assert.Equal(fromFile.PageType, fromBytes.PageType);
    }

    [Fact]
    public void AnUnreadableInputIsAnErrorAndTheOthersAreStillRead()
    {
        var missing = Path.Combine(_folder, "missing.txt");

        var results = Inputs.ReadAll([missing, Bulletins[0]], TextReader.Null).ToList();

        Assert.True(results[0].Failed);
        var note = Assert.Single(results[0].Notes);
        Assert.Equal(new InputNote(missing, "no such file", true), note);
        Assert.False(results[1].Failed);
        var binary = Inputs.Bytes("x.bin", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i % 7))]);
        Assert.Contains("binary", binary.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FilesAreIndexedAndFoundAndAMissingIndexIsRefused()
    {
        var index = Path.Combine(_folder, "index");

        var indexed = Searches.IndexFiles([.. Bulletins, Path.Combine(_folder, "missing.txt")], TextReader.Null, index);

        Assert.Equal(3, indexed.Documents);
        Assert.Equal(3, indexed.InIndex);
        Assert.Equal(1, indexed.Failed);
        var title = Inputs.Read(Bulletins[2], TextReader.Null).Read!.Document.Title!;
        var found = Searches.Search(index, new Pipeline.Search.SearchRequest { Text = title, Limit = 3 });
        Assert.Equal(Bulletins[2], found.Hits[0].Source);
        // A folder that is not an index is refused, and nothing is created there (the reader never writes).
        var nowhere = Path.Combine(_folder, "nowhere");
        var error = Assert.Throws<Pipeline.Search.NotAnIndexException>(() => Searches.Search(nowhere, new Pipeline.Search.SearchRequest { Text = "vốn" }));
        Assert.Contains("is not a search index", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(nowhere));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
