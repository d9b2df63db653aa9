using System.Globalization;
using System.Text;

namespace Pipeline.Crawling.Robots;

/// <summary>
/// The two string operations robots.txt matching needs: the path (with query) of a URL, and the
/// normal form RFC 9309 §2.2.2 compares rules and paths in, applied the same way to both sides.
/// </summary>
public static class RobotsPath
{
    /// <summary>
    /// The path and query of a URL, without its fragment: "http://h/a/b?c=d&amp;e=f#x" is "/a/b?c=d&amp;e=f".
    /// A string starting with "/" is already a path (what the crawler passes). A string with neither
    /// a scheme nor a leading "/" starts with its host, as one types it: "example.com/a" is "/a".
    /// Nothing is decoded or re-ordered, so "?" and "&amp;" in a query stay literal.
    /// </summary>
    public static string Of(string url)
    {
        var hash = url.IndexOf('#');
        if (hash >= 0)
        {
            url = url[..hash];
        }

        if (!url.StartsWith('/'))
        {
            var scheme = url.IndexOf("://", StringComparison.Ordinal);
            var firstSpecial = url.IndexOfAny(['/', '?']);
            var authorityStart = scheme >= 0 && (firstSpecial < 0 || scheme < firstSpecial) ? scheme + 3 : 0;
            var pathStart = url.IndexOfAny(['/', '?'], authorityStart);
            url = pathStart < 0 ? "" : url[pathStart..];
        }

        return url.Length == 0 ? "/" : url.StartsWith('?') ? "/" + url : url;
    }

    /// <summary>
    /// RFC 9309 §2.2.2: characters outside US-ASCII (and spaces and controls) are percent-encoded as
    /// UTF-8; escapes are written in upper case; an escape of an unreserved character ("%62" for "b")
    /// is that character. Everything else, "?", "&amp;", "*" and "$" included, stays as written.
    /// </summary>
    public static string Normalize(string path)
    {
        var sb = new StringBuilder(path.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < path.Length;)
        {
            var c = path[i];
            if (c == '%' && i + 2 < path.Length && Uri.IsHexDigit(path[i + 1]) && Uri.IsHexDigit(path[i + 2]))
            {
                var octet = (char)int.Parse(path.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (IsUnreserved(octet))
                {
                    sb.Append(octet);
                }
                else
                {
                    sb.Append('%').Append(char.ToUpperInvariant(path[i + 1])).Append(char.ToUpperInvariant(path[i + 2]));
                }

                i += 3;
                continue;
            }

            if (c is > ' ' and < (char)0x7F)
            {
                sb.Append(c);
                i++;
                continue;
            }

            // A whole code point (a surrogate pair counts as one; a lone surrogate becomes U+FFFD).
            if (Rune.DecodeFromUtf16(path.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                used = 1;
            }

            var written = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..written])
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }

            i += used;
        }

        return sb.ToString();
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
