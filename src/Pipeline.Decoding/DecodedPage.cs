namespace Pipeline.Decoding;

/// <summary>Where the charset used to decode a page came from.</summary>
public enum CharsetSource
{
    /// <summary>A byte order mark at the start of the body.</summary>
    Bom,

    /// <summary>The charset parameter of the Content-Type header.</summary>
    Header,

    /// <summary>A meta charset, meta http-equiv or XML declaration near the start of the body.</summary>
    Meta,

    /// <summary>No usable declaration: the bytes themselves were examined.</summary>
    Sniffed,

    /// <summary>Nothing to decide on (empty or pure ASCII body): UTF-8.</summary>
    Default,
}

/// <summary>The pre-Unicode Vietnamese font encoding a page's text was converted from.</summary>
public enum LegacyFont
{
    None,

    /// <summary>TCVN 5712 VN3 ("ABC"; fonts .VnTime, .VnArial).</summary>
    Tcvn3,

    /// <summary>VNI for Windows (fonts VNI-Times, VNI-Helve).</summary>
    Vni,
}

/// <summary>A page body as text, with how it was decoded and what looked wrong on the way.</summary>
public sealed record DecodedPage(string Text, string Encoding, CharsetSource Source, LegacyFont LegacyFont, IReadOnlyList<string> Warnings);
