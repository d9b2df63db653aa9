namespace Pipeline.Web.Html;

/// <summary>The interface's languages: Vietnamese by default, English on request (<c>?lang=en</c>).</summary>
public enum Lang
{
    Vi,
    En,
}

/// <summary>
/// One page's interface words in both languages, keyed by a short name; each page keeps its own table
/// beside its markup. A missing key is a programming error and throws, so no page shows a key.
/// </summary>
public sealed class Texts : Dictionary<string, (string Vi, string En)>
{
    public string Get(string key, Lang lang) => TryGetValue(key, out var t)
        ? (lang == Lang.En ? t.En : t.Vi)
        : throw new KeyNotFoundException($"no interface text '{key}'");
}
