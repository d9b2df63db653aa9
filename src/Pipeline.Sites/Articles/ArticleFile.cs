using System.Globalization;

namespace Pipeline.Sites;

/// <summary>
/// Reads the article file format: "key: value" header lines, a "---" line, then blocks apart by
/// blank lines; a block whose every line has " | " is a table.
/// </summary>
public static class ArticleFile
{
    public static BoardArticle Parse(string board, string fileName, string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var separator = Array.FindIndex(lines, l => l.Trim() == "---");
        if (separator < 0)
        {
            throw new FormatException($"{board}/{fileName}: no \"---\" line after the header");
        }

        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines[..separator])
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                header[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        string Field(string name) => header.TryGetValue(name, out var v) && v.Length > 0
            ? v
            : throw new FormatException($"{board}/{fileName}: the header has no \"{name}\"");

        if (!DateOnly.TryParseExact(Field("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"{board}/{fileName}: date \"{header["date"]}\" is not yyyy-mm-dd");
        }

        var blocks = Blocks(lines[(separator + 1)..]);
        if (blocks.Count == 0)
        {
            throw new FormatException($"{board}/{fileName}: the body is empty");
        }

        var name = Path.GetFileNameWithoutExtension(fileName);

        // The file name is "<yyyy-mm-dd>-<slug>"; the date prefix is not part of the slug.
        var slug = name.Length > 11 && name[10] == '-' && DateOnly.TryParseExact(name[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? name[11..]
            : name;
        return new BoardArticle(board, slug, date, Field("title"), header.GetValueOrDefault("type", "report"),
            header.GetValueOrDefault("author") is { Length: > 0 } author ? author : null, blocks);
    }

    private static List<ArticleBlock> Blocks(IEnumerable<string> lines)
    {
        var blocks = new List<ArticleBlock>();
        var current = new List<string>();
        foreach (var line in lines.Append(""))
        {
            if (line.Trim().Length > 0)
            {
                current.Add(line.Trim());
                continue;
            }

            if (current.Count > 0)
            {
                blocks.Add(current.TrueForAll(l => l.Contains(" | ", StringComparison.Ordinal))
                    ? new Table(current.Select(l => (IReadOnlyList<string>)l.Split('|').Select(c => c.Trim()).ToList()).ToList())
                    : new Paragraph(string.Join(' ', current)));
                current = [];
            }
        }

        return blocks;
    }
}

/// <summary>Loads a folder of boards' article folders.</summary>
public static class ArticleFolder
{
    /// <summary>Each board's articles, oldest first (then by slug), by board folder name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<BoardArticle>> Load(string folder)
    {
        var boards = new SortedDictionary<string, IReadOnlyList<BoardArticle>>(StringComparer.Ordinal);
        foreach (var dir in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var board = Path.GetFileName(dir);
            boards[board] = Directory.GetFiles(dir, "*.txt")
                .Select(f => ArticleFile.Parse(board, Path.GetFileName(f), File.ReadAllText(f)))
                .OrderBy(a => a.Date).ThenBy(a => a.Slug, StringComparer.Ordinal)
                .ToList();
        }

        return boards;
    }
}
