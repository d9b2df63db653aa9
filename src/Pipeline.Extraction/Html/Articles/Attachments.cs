namespace Pipeline.Extraction.Html;

/// <summary>Links to attached files: reports, decisions and forms published with an article.</summary>
internal static class Attachments
{
    private static readonly string[] Extensions = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".rar"];

    /// <summary>True when the link's path, or a query value (download.aspx?file=x.pdf), ends in a file extension.</summary>
    public static bool IsFile(string href)
    {
        var h = href.AsSpan().Trim();
        var hash = h.IndexOf('#');
        if (hash >= 0)
        {
            h = h[..hash];
        }

        var query = h.IndexOf('?');
        return EndsInFile(query >= 0 ? h[..query] : h) || (query >= 0 && QueryNamesFile(h[(query + 1)..]));
    }

    private static bool QueryNamesFile(ReadOnlySpan<char> query)
    {
        foreach (var range in query.Split('&'))
        {
            if (EndsInFile(query[range]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsInFile(ReadOnlySpan<char> s)
    {
        foreach (var ext in Extensions)
        {
            if (s.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static string Resolve(string href, Uri? page)
    {
        if (page is not null && Uri.TryCreate(page, href, out var absolute))
        {
            return absolute.ToString();
        }

        return href;
    }
}
