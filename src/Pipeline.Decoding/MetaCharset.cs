using System.Text;

namespace Pipeline.Decoding;

/// <summary>
/// The charset a page declares in its markup: &lt;meta charset&gt;, &lt;meta http-equiv="Content-Type"
/// content="...; charset=..."&gt;, or an XML declaration's encoding. The prefix is read as ASCII
/// bytes, the way a browser's pre-scan does it, so no decoding is needed first; comments are skipped.
/// </summary>
public static class MetaCharset
{
    /// <summary>How much of the body is searched.</summary>
    public const int PrefixBytes = 4096;

    /// <summary>The first declared charset label in the first <see cref="PrefixBytes"/> of <paramref name="body"/>, or null.</summary>
    public static string? Find(ReadOnlySpan<byte> body)
    {
        // Latin-1 maps each byte to one char, so markup positions stay byte positions.
        var prefix = Encoding.Latin1.GetString(body[..Math.Min(body.Length, PrefixBytes)]);
        if (prefix.StartsWith("<?xml", StringComparison.Ordinal))
        {
            var end = prefix.IndexOf("?>", StringComparison.Ordinal);
            var declaration = Attributes(prefix, 5, end < 0 ? prefix.Length : end).Attributes;
            if (declaration.TryGetValue("encoding", out var xmlEncoding) && xmlEncoding.Length > 0)
            {
                return xmlEncoding;
            }
        }

        var i = 0;
        while ((i = prefix.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(prefix, i, "<!--", 0, 4) == 0)
            {
                var close = prefix.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (close < 0)
                {
                    return null;
                }

                i = close + 3;
                continue;
            }

            if (i + 5 < prefix.Length
                && string.Compare(prefix, i + 1, "meta", 0, 4, StringComparison.OrdinalIgnoreCase) == 0
                && (char.IsWhiteSpace(prefix[i + 5]) || prefix[i + 5] == '/'))
            {
                var (attributes, next) = Attributes(prefix, i + 5, prefix.Length);
                if (attributes.TryGetValue("charset", out var charset) && charset.Trim().Length > 0)
                {
                    return charset.Trim();
                }

                if (attributes.TryGetValue("http-equiv", out var equiv)
                    && equiv.Trim().Equals("content-type", StringComparison.OrdinalIgnoreCase)
                    && attributes.TryGetValue("content", out var content)
                    && ContentTypeCharset.Find(content) is { } fromContent)
                {
                    return fromContent;
                }

                i = next;
                continue;
            }

            i++;
        }

        return null;
    }

    /// <summary>Name="value" pairs from <paramref name="start"/> up to the tag's '&gt;' (or <paramref name="end"/>); the first of each name wins.</summary>
    private static (Dictionary<string, string> Attributes, int Next) Attributes(string s, int start, int end)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = start;
        while (i < end)
        {
            while (i < end && (char.IsWhiteSpace(s[i]) || s[i] == '/'))
            {
                i++;
            }

            if (i >= end || s[i] == '>')
            {
                return (attributes, i + 1);
            }

            var nameStart = i;
            while (i < end && !char.IsWhiteSpace(s[i]) && s[i] is not ('=' or '>' or '/'))
            {
                i++;
            }

            var name = s[nameStart..i];
            while (i < end && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            var value = "";
            if (i < end && s[i] == '=')
            {
                i++;
                while (i < end && char.IsWhiteSpace(s[i]))
                {
                    i++;
                }

                if (i < end && s[i] is '"' or '\'')
                {
                    var quote = s[i++];
                    var close = s.IndexOf(quote, i, end - i);
                    var valueEnd = close < 0 ? end : close;
                    value = s[i..valueEnd];
                    i = Math.Min(end, valueEnd + 1);
                }
                else
                {
                    var valueStart = i;
                    while (i < end && !char.IsWhiteSpace(s[i]) && s[i] != '>')
                    {
                        i++;
                    }

                    value = s[valueStart..i];
                }
            }

            if (name.Length > 0)
            {
                attributes.TryAdd(name, value);
            }
        }

        return (attributes, end);
    }
}
