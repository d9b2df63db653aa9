namespace Pipeline.Sites;

/// <summary>A block of an article's body: a paragraph or a table.</summary>
public abstract record ArticleBlock;

public sealed record Paragraph(string Text) : ArticleBlock;

/// <summary>A table as rows of cells; the first row is its header.</summary>
public sealed record Table(IReadOnlyList<IReadOnlyList<string>> Rows) : ArticleBlock;

/// <summary>One bundled article of a board (corpus/sites/articles/&lt;board&gt;/&lt;date&gt;-&lt;slug&gt;.txt).</summary>
public sealed record BoardArticle(
    string Board,
    string Slug,
    DateOnly Date,
    string Title,
    string Type,
    string? Author,
    IReadOnlyList<ArticleBlock> Blocks)
{
    /// <summary>The body as the article extractor should read it back: blocks apart by a blank line, table rows one a line, cells " | ".</summary>
    public string Text => string.Join("\n\n", Blocks.Select(b => b switch
    {
        Paragraph p => p.Text,
        Table t => string.Join("\n", t.Rows.Select(r => string.Join(" | ", r))),
        _ => "",
    }));
}
