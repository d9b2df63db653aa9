using Pipeline.Extraction.Html;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Documents;

/// <summary>What a page says about itself: title, date line, publishing board and province.</summary>
public sealed record DocumentMetadata(string? Title, TextSpan? TitleSpan, string? Published, string? Board, string? Province, int BodyStart)
{
    /// <summary>True when the page shows no headline and the title is its first sentence instead.</summary>
    public bool TitleIsFirstSentence { get; init; }
}

/// <summary>
/// What the caller already knows of a page's publisher, such as a board registry's entry for its own site.
/// A hint wins over what the text suggests.
/// </summary>
public sealed record DocumentHints(string? Province = null, string? Board = null)
{
    public static readonly DocumentHints None = new();
}

/// <summary>
/// Reads title, published date, board and province from clean text. The header is the lines before the
/// first paragraph; each is sorted by <see cref="HeaderLines"/> into date line, breadcrumb, menu, caption,
/// byline and so on. The title is the headline nearest above the date line (else below it, else the last
/// headline of the header); published is the page's own date line, never a date of the body; the board is
/// a name <see cref="BoardNames"/> reads; the province is the board's, else the place the text names most,
/// leaving out furniture and adverts.
/// </summary>
public static class MetadataReader
{
    /// <summary>A first sentence shown as a title is cut to this many characters, at a word.</summary>
    public const int FirstSentenceTitleChars = 160;

    /// <param name="clean">The clean text.</param>
    /// <param name="key">Its folded match key.</param>
    /// <param name="htmlTitle">The headline the page's markup gives, if any.</param>
    /// <param name="hints">What the caller knows of the publisher.</param>
    /// <param name="bodyStart">Where the body starts when the caller knows (an article's text: title and date line, then the body).</param>
    public static DocumentMetadata Read(string clean, string key, string? htmlTitle = null, DocumentHints? hints = null, int? bodyStart = null)
    {
        hints ??= DocumentHints.None;
        var lines = Lines(clean);
        var bodyLine = bodyStart is { } given ? lines.FindIndex(l => l.Start >= given) : lines.FindIndex(l => IsBody(clean, l));
        var start = bodyLine >= 0 ? lines[bodyLine].Start : bodyStart ?? 0;
        var header = (bodyLine >= 0 ? lines.Take(bodyLine) : bodyStart is null ? lines.Take(3) : lines)
            .Select(l => (Span: l, Kind: HeaderLines.Classify(clean[l.Start..l.End]))).ToList();

        var (title, titleSpan) = Title(clean, header, htmlTitle);
        var firstSentence = false;
        if (title is null && FirstSentence(clean, lines.Where(l => l.Start >= start)) is { } sentence)
        {
            (title, firstSentence) = (sentence, true);
        }

        var published = Published(clean, header);
        var (board, province) = BoardAndProvince(clean, key, lines, header, hints);
        return new DocumentMetadata(title, titleSpan, published, board, province, start) { TitleIsFirstSentence = firstSentence };
    }

    private static (string? Title, TextSpan? Span) Title(string clean, List<(TextSpan Span, LineKind Kind)> header, string? htmlTitle)
    {
        // The markup's headline, unless it is plainly a caption, a date line, a breadcrumb, a menu or an advert.
        var markupTitle = htmlTitle is { Length: > 0 } && HeaderLines.Rule(htmlTitle)?.Kind is not (LineKind.Date or LineKind.Breadcrumb or LineKind.Menu
            or LineKind.Caption or LineKind.Advert or LineKind.Mangled) ? htmlTitle : null;
        var candidates = header.Where(h => h.Kind == LineKind.Headline).Select(h => h.Span).ToList();
        TextSpan? chosen = null;
        if (markupTitle is not null)
        {
            chosen = candidates.Cast<TextSpan?>().FirstOrDefault(c => Similar(clean[c!.Value.Start..c.Value.End], markupTitle));
        }
        else if (candidates.Count > 0)
        {
            chosen = ByDateLine(header) ?? candidates[^1];
        }

        var title = markupTitle ?? (chosen is { } span ? clean[span.Start..span.End] : null);
        return (title is null ? null : DateReader.SplitTitleDate(title.Trim()).Title, chosen);
    }

    // The headline sits just above its date line ("title / 05/07/2023 / Tin: Văn phòng Ban"), or just below it.
    private static TextSpan? ByDateLine(List<(TextSpan Span, LineKind Kind)> header)
    {
        var date = header.FindIndex(h => h.Kind == LineKind.Date);
        if (date < 0)
        {
            // A title that carries its own date: "Ban Quản lý ... tổng kết công tác năm 2020 (31/12/2020)".
            return header.Where(h => h.Kind == LineKind.Headline).Select(h => h.Span).Cast<TextSpan?>().LastOrDefault();
        }

        for (var i = date - 1; i >= 0; i--)
        {
            if (header[i].Kind == LineKind.Headline)
            {
                return header[i].Span;
            }
        }

        return header.Skip(date + 1).Where(h => h.Kind == LineKind.Headline).Select(h => h.Span).Cast<TextSpan?>().FirstOrDefault();
    }

    // The page's own date: a date line in the header, or a date written at the end of the title line.
    private static string? Published(string clean, List<(TextSpan Span, LineKind Kind)> header)
    {
        foreach (var (span, kind) in header)
        {
            var line = clean[span.Start..span.End];
            if (kind == LineKind.Date && DateReader.IsDateLine(line, out var date, out _) && date is { Length: >= 10 })
            {
                return date[..10];
            }

            if (kind == LineKind.Headline && DateReader.SplitTitleDate(line.Trim()).Date is { Length: >= 10 } titleDate)
            {
                return titleDate[..10];
            }
        }

        return null;
    }

    // The first sentence of the first line that is text: not a date line, caption, menu or other furniture.
    private static string? FirstSentence(string clean, IEnumerable<TextSpan> body)
    {
        var line = body.Select(l => clean[l.Start..l.End].Trim())
            .FirstOrDefault(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4 && HeaderLines.Rule(l) is null or { Kind: LineKind.Board });
        var sentence = line is null ? null : SentenceSplitter.Split(line).Select(s => line[s.Span.Start..s.Span.End].Trim()).FirstOrDefault(s => s.Length > 0);
        if (sentence is null)
        {
            return null;
        }

        if (sentence.Length <= FirstSentenceTitleChars)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', FirstSentenceTitleChars);
        return sentence[..(cut > 40 ? cut : FirstSentenceTitleChars)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    private static bool Similar(string a, string b) =>
        a.Trim().StartsWith(b.Trim()[..Math.Min(20, b.Trim().Length)], StringComparison.OrdinalIgnoreCase)
        || b.Contains(a.Trim(), StringComparison.OrdinalIgnoreCase);

    private static List<TextSpan> Lines(string clean)
    {
        var result = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i <= clean.Length; i++)
        {
            if (i == clean.Length || clean[i] == '\n')
            {
                if (i > start)
                {
                    result.Add(new TextSpan(start, i));
                }

                start = i + 1;
            }
        }

        return result;
    }

    private static bool IsBody(string clean, TextSpan line)
    {
        var text = clean.AsSpan(line.Start, line.Length).Trim();
        return text.Length >= 120 && (text[^1] is '.' or ':' or ';' or '…' || text.Length >= 300);
    }

    private static (string? Board, string? Province) BoardAndProvince(
        string clean, string key, List<TextSpan> lines, List<(TextSpan Span, LineKind Kind)> header, DocumentHints hints)
    {
        var unread = Unread(clean, lines);
        var mentions = BoardNames.Find(clean, key).Where(m => !Within(unread, m.Start)).ToList();

        // A byline naming the board alone, then the first board named with its place (the title's, else the body's), then any.
        var byline = header.Where(h => h.Kind == LineKind.Board).Select(h => mentions.FirstOrDefault(m => m.Start >= h.Span.Start && m.End <= h.Span.End))
            .FirstOrDefault(m => m is not null);
        var chosen = byline
                     ?? mentions.FirstOrDefault(m => m.Province is not null)
                     ?? mentions.FirstOrDefault();

        var province = hints.Province ?? chosen?.Province ?? MostNamed(key, unread);
        var board = hints.Board ?? chosen?.Name;
        if (hints.Board is null && chosen is { LacksPlace: true } && province is not null)
        {
            board = $"{chosen.Name} {province}"; // "Ban Quản lý các KCN tỉnh" + the province the page is about
        }

        return (board, province);
    }

    // The province named most often, first named on a tie, outside furniture and adverts.
    private static string? MostNamed(string key, List<TextSpan> unread) =>
        Provinces.Find(key).Where(p => !Within(unread, p.Start))
            .GroupBy(p => p.Name).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(p => p.Start))
            .Select(g => g.Key).FirstOrDefault();

    /// <summary>Whether a position falls in one of the lines (in text order, apart): a binary search, so a long text stays linear.</summary>
    private static bool Within(List<TextSpan> lines, int position)
    {
        var (low, high) = (0, lines.Count - 1);
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (lines[mid].Start <= position)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return high >= 0 && position < lines[high].End;
    }

    /// <summary>
    /// Parts of the text that say nothing about the page: furniture, menu and site lines, mangled lines, and
    /// an advert heading with the lines under it up to the next blank line.
    /// </summary>
    private static List<TextSpan> Unread(string clean, List<TextSpan> lines)
    {
        var unread = new List<TextSpan>();
        var inAdvert = false;
        var previousEnd = -1;
        foreach (var line in lines)
        {
            var blankBefore = previousEnd >= 0 && clean.AsSpan(previousEnd, line.Start - previousEnd).Count('\n') >= 2;
            previousEnd = line.End;
            inAdvert &= !blankBefore;
            var text = clean[line.Start..line.End];
            if (text.Length > 300)
            {
                inAdvert = false;
                continue;
            }

            var kind = HeaderLines.Rule(text, HeaderLines.UnreadKinds)?.Kind;
            inAdvert |= kind == LineKind.Advert;
            if (inAdvert || kind is LineKind.Furniture or LineKind.Menu or LineKind.Breadcrumb or LineKind.Site or LineKind.Mangled)
            {
                unread.Add(line);
            }
        }

        return unread;
    }
}
