using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Pipeline.Extraction.Tests;

/// <summary>
/// Scores the document's own fields (published, board, province, title) on the annotated bulletins
/// against their gold files. A date where the gold has none is counted apart: an invented date.
/// </summary>
public class DocumentFieldsTests(ITestOutputHelper output)
{
    private static readonly string Folder = Repo.Path("corpus", "bulletins");

    private sealed record Tally(string Name, Func<string?, string?, bool>? Same = null)
    {
        public int Right { get; set; }

        public int All { get; set; }

        public List<string> Wrong { get; } = [];

        public double Share => All == 0 ? 1 : Right / (double)All;

        public void Add(string document, string? got, string? want)
        {
            All++;
            if (got == want || (Same is not null && Same(got, want)))
            {
                Right++;
            }
            else
            {
                Wrong.Add($"{Name,-10} {document}: «{got ?? "null"}», gold «{want ?? "null"}»");
            }
        }
    }

    private static string? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>
    /// The same board written two ways: an abbreviation or its long form ("các KCN" / "các khu công nghiệp"),
    /// with or without "tỉnh" before the place, in any case.
    /// </summary>
    private static bool SameBoard(string? a, string? b) => a is not null && b is not null && BoardKey(a) == BoardKey(b);

    private static string BoardKey(string board)
    {
        var s = " " + board.ToLowerInvariant().Replace("(kcn)", "", StringComparison.Ordinal) + " ";
        foreach (var (shortForm, longForm) in new[] { ("kcn", "khu công nghiệp"), ("kkt", "khu kinh tế"), ("kcx", "khu chế xuất"), ("tỉnh", ""), ("thành phố", "") })
        {
            s = s.Replace(" " + shortForm + " ", " " + longForm + " ", StringComparison.Ordinal);
        }

        return string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Published_board_and_province_are_the_documents_own()
    {
        var published = new Tally("published");
        var boardExact = new Tally("board (as written)");
        var board = new Tally("board", SameBoard);
        var province = new Tally("province");
        var title = new Tally("title");
        var invented = new List<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(Folder, "gold"), "*.json").Order())
        {
            using var gold = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
            var root = gold.RootElement;
            var name = root.GetProperty("document").GetString()!;
            var d = DocumentExtractor.Extract(name, File.ReadAllText(Path.Combine(Folder, name), Encoding.UTF8));
            var wantDate = Field(root, "published");
            published.Add(name, d.Published, wantDate);
            if (wantDate is null && d.Published is not null)
            {
                invented.Add($"{name}: {d.Published}");
            }

            board.Add(name, d.Board, Field(root, "board"));
            boardExact.Add(name, d.Board, Field(root, "board"));
            province.Add(name, d.Province, Field(root, "province"));
            title.Add(name, d.Title, Field(root, "title"));
        }

        var tallies = new[] { published, board, boardExact, province, title };
        foreach (var t in tallies)
        {
            output.WriteLine($"{t.Name}: {t.Right}/{t.All} ({t.Share:0.000})");
        }

        output.WriteLine($"invented dates: {invented.Count}");
        foreach (var line in tallies.Where(t => t != boardExact).SelectMany(t => t.Wrong))
        {
            output.WriteLine(line);
        }

        Assert.True(invented.Count == 0, "dates invented for pages that show none: " + string.Join("; ", invented));
        Assert.True(published.Share >= 0.95, $"published right on {published.Right}/{published.All}:\n{string.Join('\n', published.Wrong)}");
        Assert.True(province.Share >= 0.95, $"province right on {province.Right}/{province.All}:\n{string.Join('\n', province.Wrong)}");
        Assert.True(board.Share >= 0.90, $"board right on {board.Right}/{board.All}:\n{string.Join('\n', board.Wrong)}");
    }
}
