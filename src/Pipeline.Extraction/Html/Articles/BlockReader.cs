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

    /// <summary>The owner's index in the reader's element table.</summary>
    public required int OwnerId { get; init; }

    /// <summary>The index of the nearest furniture-marked element around the block, or -1.</summary>
    public int FurnitureId { get; init; } = -1;

    public required string Text { get; init; }

    /// <summary>Characters of the text that sit inside links.</summary>
    public int LinkChars { get; init; }

    /// <summary>Links in the block long enough to be an article's title (25 characters or more).</summary>
    public int TitleLinks { get; init; }

    public bool IsRow { get; init; }

    public bool IsHeading => Owner.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
}

/// <summary>A link that looks like an article's title (long text), or a link to an attached file.</summary>
internal sealed record LinkSeen(IElement Element, int Id, string Href, string Text, int FurnitureId);

/// <summary>
/// Walks a document once, in document order, into text blocks and the links worth knowing about.
/// Unread elements (scripts, forms' inputs, hidden parts, images) give nothing; furniture-marked
/// elements still give blocks, tagged with their mark, so the caller decides by where the article is.
/// Every element read gets an index, with its parent's, so later passes keep per-element figures in
/// arrays instead of hashing DOM nodes.
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

    private readonly PageFacts _facts;
    private readonly List<TextBlock> _blocks = [];
    private readonly List<IElement> _elements = [];
    private readonly List<int> _parents = [];
    private readonly List<bool> _marked = [];
    private readonly List<LinkSeen> _links = [];
    private readonly StringBuilder _text = new();
    private int _linkChars;
    private int _titleLinks;
    private int _flushes;
    private int _linkDepth;
    private bool _pendingSpace;

    public IReadOnlyList<TextBlock> Blocks => _blocks;

    public IReadOnlyList<LinkSeen> Links => _links;

    /// <summary>Every element read, by index; 0 is the root.</summary>
    public IReadOnlyList<IElement> Elements => _elements;

    /// <summary>Each element's parent index (-1 for the root).</summary>
    public IReadOnlyList<int> Parents => _parents;

    /// <summary>Whether the element itself carries a furniture mark (tag, class or id).</summary>
    public IReadOnlyList<bool> Marked => _marked;

    private BlockReader(PageFacts facts) => _facts = facts;

    public static BlockReader Read(IElement root, PageFacts? facts = null)
    {
        var reader = new BlockReader(facts ?? new PageFacts());
        var id = reader.Add(root, -1);
        reader.Walk(root, id, id, -1, 0);
        reader.Flush(id, -1, false);
        return reader;
    }

    private int Add(IElement e, int parent)
    {
        _elements.Add(e);
        _parents.Add(parent);
        _marked.Add(Furniture.IsMarked(e));
        return _elements.Count - 1;
    }

    private void Walk(IElement element, int elementId, int owner, int furniture, int depth)
    {
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                Append(text.Data);
                continue;
            }

            if (child is not IElement e)
            {
                continue;
            }

            if (Furniture.IsUnread(e))
            {
                _facts.Note(e);
                continue;
            }

            var name = e.LocalName;
            if (name == "time")
            {
                _facts.Note(e);
            }

            if (name == "br")
            {
                Flush(owner, furniture, false);
                continue;
            }

            var id = Add(e, elementId);
            var marked = _marked[id] ? id : furniture;
            if (name == "tr" && IsDataRow(e))
            {
                Flush(owner, furniture, false);
                ReadRow(e, id, marked);
                continue;
            }

            if (name == "a")
            {
                var start = _text.Length;
                var flushes = _flushes;
                _linkDepth++;
                Walk(e, id, owner, marked, depth + 1);
                _linkDepth--;

                // A link wrapping blocks (a teaser box) was flushed on the way: read its text from the DOM.
                NoteLink(e, id, flushes == _flushes ? _text.ToString(start, _text.Length - start) : e.TextContent.Trim(), marked);
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
                Walk(e, id, id, marked, depth + 1);
                Flush(id, marked, false);
            }
            else
            {
                Walk(e, id, owner, marked, depth + 1);
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

    private void Flush(int owner, int furniture, bool row)
    {
        _flushes++;
        _pendingSpace = false;
        if (_text.Length > 0)
        {
            _blocks.Add(new TextBlock { Owner = _elements[owner], OwnerId = owner, Text = _text.ToString(), LinkChars = _linkChars, TitleLinks = _titleLinks, FurnitureId = furniture, IsRow = row });
            _text.Clear();
        }

        _linkChars = 0;
        _titleLinks = 0;
    }

    private void NoteLink(IElement a, int id, string text, int furniture)
    {
        var href = a.GetAttribute("href");
        if (string.IsNullOrWhiteSpace(href))
        {
            return;
        }

        var file = Attachments.IsFile(href);
        _titleLinks += text.Length >= 25 && !file ? 1 : 0;
        if (text.Length >= 25 || file)
        {
            _links.Add(new LinkSeen(a, id, href.Trim(), text.Trim(), furniture));
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
            var budget = 400;
            if (!SmallCell(cell, ref budget, 0))
            {
                return false;
            }
        }

        return cells > 0;
    }

    // Counts the cell's text down from a budget without building it; a nested table or a spent budget means layout.
    private static bool SmallCell(INode node, ref int budget, int depth)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                budget -= text.Data.Length;
            }
            else if (child is IElement e && (e.LocalName == "table" || depth >= MaxDepth || !SmallCell(e, ref budget, depth + 1)))
            {
                return false;
            }

            if (budget < 0)
            {
                return false;
            }
        }

        return true;
    }

    private void ReadRow(IElement tr, int trId, int furniture)
    {
        // A rowspan reaches no further than its row group (thead, tbody, tfoot), as HTML lays tables out.
        if (!ReferenceEquals(tr.Parent, _rowGroup))
        {
            _rowGroup = tr.Parent;
            _rowSpans.Clear();
        }

        var covered = _rowSpans.Count == 0 ? [] : new bool[_rowSpans.Count];
        for (var c = 0; c < _rowSpans.Count; c++)
        {
            covered[c] = _rowSpans[c] > 0;
            _rowSpans[c] = Math.Max(0, _rowSpans[c] - 1);
        }

        var cells = new List<string>();
        var spans = new List<int>();
        var linkChars = 0;
        foreach (var cell in tr.Children)
        {
            if (cell.LocalName is not ("td" or "th") || Furniture.IsUnread(cell))
            {
                continue;
            }

            var before = _linkChars;
            WalkCell(cell, trId, furniture, 0);
            cells.Add(_text.ToString());
            spans.Add(Span(cell, "colspan", MaxColSpan));
            linkChars += _linkChars - before;
            _text.Clear();
            _pendingSpace = false;
            var rowSpan = Span(cell, "rowspan", MaxRowSpan);
            if (rowSpan > 1 || _rowSpans.Count > 0)
            {
                // Known once the row's earlier cells are placed: the grid column this cell starts at.
                var at = GridColumn(covered, spans);
                for (var c = at; c < at + spans[^1]; c++)
                {
                    while (_rowSpans.Count <= c)
                    {
                        _rowSpans.Add(0);
                    }

                    _rowSpans[c] = rowSpan - 1;
                }
            }
        }

        _linkChars = 0;

        // A one-cell row is a layout box holding a line (a caption, a date, a section title spanning the table): it is
        // read as a paragraph. Other rows are laid on the table's grid: a cell merged across columns (colspan) or
        // from a row above (rowspan) leaves its other places empty, so every row's cells stand under their headers.
        var text = cells.Count == 1 && !Array.Exists(covered, c => c) ? cells : Grid(cells, spans, covered);
        if (cells.Exists(c => c.Length > 0))
        {
            _blocks.Add(new TextBlock { Owner = tr, OwnerId = trId, Text = string.Join(" | ", text), LinkChars = linkChars, TitleLinks = _titleLinks, FurnitureId = furniture, IsRow = text.Count > 1 });
        }

        _titleLinks = 0;
    }

    // Past this a span is malformed markup, not a table's layout; HTML itself caps colspan at 1000 and rowspan at 65534.
    private const int MaxColSpan = 64;
    private const int MaxRowSpan = 1000;

    // Rows still covered by a rowspan from above, by grid column, within the current row group.
    private readonly List<int> _rowSpans = [];
    private INode? _rowGroup;

    // A span attribute as HTML reads it: a positive number, else 1; rowspan="0" reaches the end of the row group.
    private static int Span(IElement cell, string name, int max)
    {
        var value = cell.GetAttribute(name);
        if (value is null || !int.TryParse(value.AsSpan().Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return 1;
        }

        return n == 0 && name == "rowspan" ? max : Math.Clamp(n, 1, max);
    }

    // The grid column of the last cell read: columns covered from above are skipped, each cell takes its colspan.
    private static int GridColumn(bool[] covered, List<int> spans)
    {
        var column = 0;
        for (var k = 0; k < spans.Count; k++)
        {
            while (column < covered.Length && covered[column])
            {
                column++;
            }

            if (k == spans.Count - 1)
            {
                return column;
            }

            column += spans[k];
        }

        return column;
    }

    private static List<string> Grid(List<string> cells, List<int> spans, bool[] covered)
    {
        var row = new List<string>();
        for (var k = 0; k < cells.Count; k++)
        {
            while (row.Count < covered.Length && covered[row.Count])
            {
                row.Add("");
            }

            row.Add(cells[k]);
            for (var s = 1; s < spans[k]; s++)
            {
                row.Add("");
            }
        }

        while (row.Count < covered.Length && covered[row.Count])
        {
            row.Add("");
        }

        return row;
    }

    // Inside a cell, paragraphs and line breaks are only spaces: the cell is one value.
    private void WalkCell(IElement element, int elementId, int furniture, int depth)
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

                // Cell contents are indexed too: links in cells are looked up by index later.
                var id = Add(e, elementId);
                if (e.LocalName == "a")
                {
                    var start = _text.Length;
                    _linkDepth++;
                    WalkCell(e, id, furniture, depth + 1);
                    _linkDepth--;
                    NoteLink(e, id, _text.ToString(start, _text.Length - start), furniture);
                }
                else
                {
                    WalkCell(e, id, furniture, depth + 1);
                }

                if (e.LocalName is "p" or "div" or "li")
                {
                    _pendingSpace = _text.Length > 0;
                }
            }
        }
    }
}
