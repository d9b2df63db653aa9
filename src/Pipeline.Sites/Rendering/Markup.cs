using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Sites;

/// <summary>Small pure helpers the renderers share: escaping, stable "random" numbers, dates, body markup.</summary>
public static class Markup
{
    /// <summary>Escapes only what HTML needs (&amp; &lt; &gt; "), so Vietnamese letters stay readable UTF-8.</summary>
    public static string Esc(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>A number in [min, max] fixed by <paramref name="key"/>: counters look alive yet every run renders the same bytes.</summary>
    public static int Number(string key, int min, int max)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var value = BitConverter.ToUInt32(hash, 0);
        return min + (int)(value % (uint)(max - min + 1));
    }

    public static string Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ Nhật",
    };

    public static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Format(DateOnly date, string format) => date.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The moment an article went up: its date at a morning time fixed by its slug (Vietnam time).</summary>
    public static DateTimeOffset Published(BoardArticle article) =>
        new(article.Date.ToDateTime(new TimeOnly(7 + Number(article.Slug, 0, 3), Number(article.Slug + "m", 0, 59))), TimeSpan.FromHours(7));

    public static string Time(DateTimeOffset at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The start of the first paragraph, cut at a word, for listings and feeds.</summary>
    public static string Teaser(BoardArticle article, int length = 160)
    {
        var first = article.Blocks.OfType<Paragraph>().FirstOrDefault()?.Text ?? article.Title;
        if (first.Length <= length)
        {
            return first;
        }

        var cut = first.LastIndexOf(' ', length);
        return first[..(cut > 0 ? cut : length)] + "…";
    }

    /// <summary>
    /// The article's body markup: paragraphs, tables as &lt;table&gt;, a picture after the first paragraph
    /// with the file name the editor left as its caption (and, on photo reports, a real caption too).
    /// </summary>
    public static string Body(BoardArticle article, string imageFolder)
    {
        var image = $"IMG_{Number(article.Slug, 1000, 9999)}.jpg";
        var sb = new StringBuilder();
        var first = true;
        foreach (var block in article.Blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    sb.Append("<p>").Append(Esc(p.Text)).Append("</p>\n");
                    break;
                case Table t:
                    sb.Append(TableHtml(t));
                    break;
            }

            if (first)
            {
                first = false;
                sb.Append($"""<p style="text-align:center"><img src="{imageFolder}{image}" alt="{image}" width="600"></p>""").Append('\n');
                sb.Append($"""<p class="image-caption" style="text-align:center"><em>{image}</em></p>""").Append('\n');
                // A real caption too on long photo reports, where its few words cannot sway a reader's view of the body.
                if (article.Type == "photo" && article.Text.Split(' ').Length >= 200)
                {
                    sb.Append("""<p class="image-caption" style="text-align:center"><em>Ảnh: Ban Quản lý</em></p>""").Append('\n');
                }
            }
        }

        if (article.Author is { } author)
        {
            sb.Append($"""<p class="author" style="text-align:right"><strong>{Esc(author)}</strong></p>""").Append('\n');
        }

        return sb.ToString();
    }

    private static string TableHtml(Table table)
    {
        var sb = new StringBuilder("""<table class="table" border="1" cellpadding="4" cellspacing="0">""").Append('\n');
        foreach (var (row, index) in table.Rows.Select((r, i) => (r, i)))
        {
            var cell = index == 0 ? "th" : "td";
            sb.Append("<tr>");
            foreach (var value in row)
            {
                sb.Append('<').Append(cell).Append('>').Append(Esc(value)).Append("</").Append(cell).Append('>');
            }

            sb.Append("</tr>\n");
        }

        return sb.Append("</table>\n").ToString();
    }

    /// <summary>A query string with its parameters sorted as the crawler's canonical URLs have them ("" or "?a=1&amp;b=2").</summary>
    public static string SortedQuery(string query)
    {
        var pairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .OrderBy(p => p.Split('=')[0], StringComparer.Ordinal).ThenBy(p => p, StringComparer.Ordinal).ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }
}
