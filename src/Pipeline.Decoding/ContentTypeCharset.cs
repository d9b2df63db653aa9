namespace Pipeline.Decoding;

/// <summary>The charset parameter of a Content-Type value ("text/html; charset=windows-1258").</summary>
public static class ContentTypeCharset
{
    /// <summary>
    /// The first charset parameter's value, unquoted and trimmed, or null when there is none or it is
    /// empty. Also used for the content attribute of a meta http-equiv, which has the same shape.
    /// </summary>
    public static string? Find(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var at = 0;
        while ((at = contentType.IndexOf("charset", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var i = at + "charset".Length;
            at = i;
            while (i < contentType.Length && char.IsWhiteSpace(contentType[i]))
            {
                i++;
            }

            if (i >= contentType.Length || contentType[i] != '=')
            {
                continue;
            }

            i++;
            while (i < contentType.Length && char.IsWhiteSpace(contentType[i]))
            {
                i++;
            }

            var quote = i < contentType.Length && contentType[i] is '"' or '\'' ? contentType[i++] : '\0';
            var start = i;
            while (i < contentType.Length && (quote != '\0' ? contentType[i] != quote : contentType[i] is not (';' or ',' or '"' or '\'') && !char.IsWhiteSpace(contentType[i])))
            {
                i++;
            }

            var value = contentType[start..i].Trim();
            return value.Length == 0 ? null : value;
        }

        return null;
    }
}
