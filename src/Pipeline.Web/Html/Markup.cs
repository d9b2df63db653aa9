using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Pipeline.Web.Html;

/// <summary>
/// HTML that is safe to write as it is. The only ways to make one are <see cref="Text"/> (which encodes),
/// an interpolated <c>$"…"</c> (whose literal parts are the page's own markup and whose holes are
/// encoded unless they are themselves <see cref="Markup"/>), and <see cref="Join"/>; so a title, a
/// sentence or a query from outside can never become markup by accident.
/// </summary>
public readonly struct Markup
{
    private readonly string? _html;

    private Markup(string html) => _html = html;

    public static Markup Empty => default;

    /// <summary>Markup from an interpolated string: holes are encoded unless they are markup.</summary>
    public static Markup Of(MarkupBuilder builder) => new(builder.ToString());

    /// <summary>Plain text, encoded for an element's content or a quoted attribute value.</summary>
    public static Markup Text(string? text) => new(Encoding.Html.Encode(text ?? ""));

    /// <summary>Pieces written one after the other.</summary>
    public static Markup Join(IEnumerable<Markup> parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            sb.Append(part._html);
        }

        return new Markup(sb.ToString());
    }

    /// <summary>For the page's own fixed markup held in constants (never call with outside text).</summary>
    internal static Markup Trusted(string html) => new(html);

    public bool IsEmpty => string.IsNullOrEmpty(_html);

    public override string ToString() => _html ?? "";
}

/// <summary>Builds <see cref="Markup"/> from an interpolated string; see <see cref="Markup"/>.</summary>
[InterpolatedStringHandler]
public ref struct MarkupBuilder
{
    private readonly StringBuilder _sb;

    public MarkupBuilder(int literalLength, int formattedCount) => _sb = new StringBuilder(literalLength + (formattedCount * 16));

    public readonly void AppendLiteral(string literal) => _sb.Append(literal);

    public readonly void AppendFormatted(Markup markup) => _sb.Append(markup.ToString());

    public readonly void AppendFormatted(IEnumerable<Markup> parts)
    {
        foreach (var part in parts)
        {
            _sb.Append(part.ToString());
        }
    }

    public readonly void AppendFormatted(string? text) => _sb.Append(Encoding.Html.Encode(text ?? ""));

    // A list or array of markup (any IEnumerable<Markup>) is written as markup, never as its type's name.
    public readonly void AppendFormatted<T>(T value)
    {
        if (value is IEnumerable<Markup> parts)
        {
            AppendFormatted(parts);
            return;
        }

        AppendPlain(value);
    }

    private readonly void AppendPlain<T>(T value) => _sb.Append(Encoding.Html.Encode(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));

    public readonly void AppendFormatted<T>(T value, string format)
        where T : IFormattable => _sb.Append(Encoding.Html.Encode(value.ToString(format, System.Globalization.CultureInfo.InvariantCulture)));

    public override readonly string ToString() => _sb.ToString();
}

/// <summary>The one HTML encoder: every character that means something in HTML is escaped; Vietnamese letters stay readable.</summary>
internal static class Encoding
{
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
}
