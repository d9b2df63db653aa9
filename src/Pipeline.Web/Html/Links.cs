using System.Text;

namespace Pipeline.Web.Html;

/// <summary>Builds the product's own links: a path and query parameters, each escaped; empty values are left out so URLs stay short and shareable.</summary>
public static class Links
{
    public static string To(string path, params IEnumerable<(string Name, string? Value)> query)
    {
        var sb = new StringBuilder(path);
        var first = true;
        foreach (var (name, value) in query)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            sb.Append(first ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }

        return sb.ToString();
    }
}
