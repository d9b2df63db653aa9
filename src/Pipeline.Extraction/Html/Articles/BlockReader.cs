using System.Text;
using AngleSharp.Dom;

namespace Pipeline.Extraction.Html;

/// <summary>
/// A run of text that reads as one unit: a paragraph, a heading, a caption, a line ended by a
/// line break, or a table row whose cells are joined by " | ".
/// </summary>
internal sealed class TextBlock
{
    public required IElement Owner { get; init; }

    public required string Text { get; init; }

    /// <summary>Characters of the text that sit inside links.</summary>
    public int LinkChars { get; init; }

    /// <summary>The nearest furniture-marked element around the block, if any.</summary>
    public IElement? Furniture { get; init; }

    public bool IsRow { get; init; }

    public bool IsHeading => Owner.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
}

/// <summary>A link that looks like an article's title (long text), or a link to an attached file.</summary>
internal sealed record LinkSeen(IElement Element, string Href, string Text, IElement? Furniture);

/// <summary>
/// Walks a document once, in document order, into text blocks and the links worth knowing about.
/// Unread elements (scripts, forms' inputs, hidden parts, images) give nothing; furniture-marked
/// elements still give blocks, tagged with their mark, so the caller decides by where the article is.
/// </summary>
internal sealed class BlockReader
{
    // Deeper than this is malformed markup (unclosed inline tags); its text is still read, flat.
    private const int MaxDepth = 200;

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody", "thead", "tfoot",
        "tr", "td", "th", "blockquote", "figure", "figcaption", "dd", "dt", "dl", "pre", "hr", "caption", "header", "footer", "nav", "aside",
        "form", "fieldset", "address", "center", "body", "details", "summary", "menu",
    };

    private readonly List<TextBlock> _blocks = [];
    private readonly List<LinkSeen> _links = [];
    private readonly StringBuilder _text = new();
    private int _linkChars;
    private int _linkDepth;
    private bool _pendingSpace;

    public IReadOnlyList<TextBlock> Blocks => _blocks;

    public IReadOnlyList<LinkSeen> Links => _links;

    public static BlockReader Read(IElement root)
    {
        var reader = new BlockReader();
        reader.Walk(root, root, null, 0);
        reader.Flush(root, null, false);
        return reader;
    }

    private void Walk(IElement element, IElement owner, IElement? furniture, int depth)
    {
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                Append(text.Data);
                continue;
            }

            if (child is not IElement e || Furniture.IsUnread(e))
            {
                continue;
            }

            var name = e.LocalName;
            if (name == "br")
            {
                Flush(owner, furniture, false);
                continue;
            }

            var marked = Furniture.IsMarked(e, Furniture.Marks(e)) ? e : furniture;
            if (name == "tr" && IsDataRow(e))
            {
                Flush(owner, furniture, false);
                ReadRow(e, marked);
                continue;
            }

            if (name == "a")
            {
                var start = _text.Length;
                _linkDepth++;
                Walk(e, owner, marked, depth + 1);
                _linkDepth--;
                NoteLink(e, _text.ToString(start, _text.Length - start), marked);
                continue;
            }

            if (depth >= MaxDepth)
            {
                Append(e.TextContent);
                continue;
            }

            // A marked inline element (a share link, a counter span) gets its own block so its mark is kept.
            if (BlockTags.Contains(name) || marked != furniture)
            {
                Flush(owner, furniture, false);
                Walk(e, e, marked, depth + 1);
                Flush(e, marked, false);
            }
            else
            {
                Walk(e, owner, marked, depth + 1);
            }
        }
    }

    private void Append(string data)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
            {
                _pendingSpace = _text.Length > 0;
                continue;
            }

            if (_pendingSpace)
            {
                _text.Append(' ');
                _pendingSpace = false;
            }

            _text.Append(c);
            if (_linkDepth > 0)
            {
                _linkChars++;
            }
        }
    }

    private void Flush(IElement owner, IElement? furniture, bool row)
    {
        _pendingSpace = false;
        if (_text.Length > 0)
        {
            _blocks.Add(new TextBlock { Owner = owner, Text = _text.ToString(), LinkChars = _linkChars, Furniture = furniture, IsRow = row });
            _text.Clear();
        }

        _linkChars = 0;
    }

    private void NoteLink(IElement a, string text, IElement? furniture)
    {
        var href = a.GetAttribute("href");
        if (string.IsNullOrWhiteSpace(href))
        {
            return;
        }

        if (text.Length >= 25 || Attachments.IsFile(href))
        {
            _links.Add(new LinkSeen(a, href.Trim(), text.Trim(), furniture));
        }
    }

    /// <summary>A row of figures, not a layout row: no cell holds a nested table or a long text.</summary>
    private static bool IsDataRow(IElement tr)
    {
        var cells = 0;
        foreach (var cell in tr.Children)
        {
            if (cell.LocalName is not ("td" or "th"))
            {
                continue;
            }

            cells++;
            if (cell.QuerySelector("table") is not null || cell.TextContent.Length > 400)
            {
                return false;
            }
        }

        return cells > 0;
    }

    private void ReadRow(IElement tr, IElement? furniture)
    {
        var cells = new List<string>();
        var linkChars = 0;
        foreach (var cell in tr.Children)
        {
            if (cell.LocalName is not ("td" or "th") || Furniture.IsUnread(cell))
            {
                continue;
            }

            var before = _linkChars;
            WalkCell(cell, furniture, 0);
            cells.Add(_text.ToString());
            linkChars += _linkChars - before;
            _text.Clear();
            _pendingSpace = false;
        }

        _linkChars = 0;
        if (cells.Exists(c => c.Length > 0))
        {
            _blocks.Add(new TextBlock { Owner = tr, Text = string.Join(" | ", cells), LinkChars = linkChars, Furniture = furniture, IsRow = true });
        }
    }

    // Inside a cell, paragraphs and line breaks are only spaces: the cell is one value.
    private void WalkCell(IElement element, IElement? furniture, int depth)
    {
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                Append(text.Data);
            }
            else if (child is IElement e && !Furniture.IsUnread(e))
            {
                if (depth >= MaxDepth)
                {
                    Append(e.TextContent);
                    continue;
                }

                if (e.LocalName is "br" or "p" or "div" or "li")
                {
                    _pendingSpace = _text.Length > 0;
                }

                if (e.LocalName == "a")
                {
                    var start = _text.Length;
                    _linkDepth++;
                    WalkCell(e, furniture, depth + 1);
                    _linkDepth--;
                    NoteLink(e, _text.ToString(start, _text.Length - start), furniture);
                }
                else
                {
                    WalkCell(e, furniture, depth + 1);
                }

                if (e.LocalName is "p" or "div" or "li")
                {
                    _pendingSpace = _text.Length > 0;
                }
            }
        }
    }
}
