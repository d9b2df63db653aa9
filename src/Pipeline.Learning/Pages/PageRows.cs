using Pipeline.Core;
using Pipeline.Extraction;
using Pipeline.Extraction.Html;

namespace Pipeline.Learning.Pages;

/// <summary>
/// One labelled page: its file (board/name, the split key), its type, and what the classifier sees:
/// the title, the clean text as the pipeline makes it (title, date line, body) and the rules' figures in it.
/// </summary>
public sealed record PageRow(string Document, string Type, string Title, string Text, IReadOnlyList<Figure> Figures);

/// <summary>Reads the labelled article files (corpus/sites/articles/BOARD/*.txt) into rows. Pure apart from reading the folder.</summary>
public static class PageRows
{
    /// <summary>
    /// One article file: "key: value" header lines, "---", then blocks apart by blank lines (the format
    /// Pipeline.Sites serves). The text is built as the pipeline builds it from the served page, so the
    /// model trains on what it will be given.
    /// </summary>
    public static PageRow Parse(string document, string file)
    {
        var lines = file.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var separator = Array.FindIndex(lines, l => l.Trim() == "---");
        if (separator < 0)
        {
            throw new FormatException($"{document}: no \"---\" line after the header");
        }

        var header = lines[..separator]
            .Select(l => (Line: l, Colon: l.IndexOf(':', StringComparison.Ordinal)))
            .Where(x => x.Colon > 0)
            .ToDictionary(x => x.Line[..x.Colon].Trim().ToLowerInvariant(), x => x.Line[(x.Colon + 1)..].Trim());
        var type = header.GetValueOrDefault("type") ?? throw new FormatException($"{document}: the header has no type");
        if (!PageTypes.IsKnown(type))
        {
            throw new FormatException($"{document}: unknown type \"{type}\"");
        }

        var article = new Article { Title = header.GetValueOrDefault("title"), Published = header.GetValueOrDefault("date"), Body = Body(lines[(separator + 1)..]) };
        var (text, metadata) = DocumentExtractor.FromArticle(article);
        var figures = DocumentExtractor.Extract(document, text, metadata).Figures;
        return new PageRow(document, type, article.Title ?? "", text.Clean, figures);
    }

    /// <summary>Every article of every board folder, in path order; files without a "---" line (a README) are not articles.</summary>
    public static IReadOnlyList<PageRow> FromFolder(string folder) =>
        Directory.GetDirectories(folder).Order(StringComparer.Ordinal)
            .SelectMany(dir => Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
            .Select(path => Parse($"{Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)}", File.ReadAllText(path)))
            .ToList();

    // Paragraph lines are joined by spaces; a table (every line holding " | ") keeps one row a line, as the served page reads back.
    private static string Body(IEnumerable<string> lines)
    {
        var blocks = new List<string>();
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
                blocks.Add(string.Join(current.TrueForAll(l => l.Contains(" | ", StringComparison.Ordinal)) ? "\n" : " ", current));
                current = [];
            }
        }

        return string.Join("\n\n", blocks);
    }
}
