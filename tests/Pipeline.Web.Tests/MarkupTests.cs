using Pipeline.Web.Html;

namespace Pipeline.Web.Tests;

/// <summary>Markup encodes what comes from outside and keeps what the page builds, whatever the hole's type.</summary>
public sealed class MarkupTests
{
    [Fact]
    public void TextInAHoleIsEncoded()
    {
        var title = "<script>alert(1)</script> \"x\" & 'y'";
        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot; &amp; &#x27;y&#x27;</p>", Markup.Of($"<p>{title}</p>").ToString());
    }

    [Fact]
    public void VietnameseStaysReadable() => Assert.Equal("<b>Bắc Ninh</b>", Markup.Of($"<b>{"Bắc Ninh"}</b>").ToString());

    [Fact]
    public void MarkupInAHoleIsKept()
    {
        var inner = Markup.Of($"<i>{"a<b"}</i>");
        Assert.Equal("<p><i>a&lt;b</i></p>", Markup.Of($"<p>{inner}</p>").ToString());
    }

    [Fact]
    public void AListOrArrayOfMarkupIsWrittenAsMarkup()
    {
        List<Markup> items = [Markup.Of($"<li>{"1"}</li>"), Markup.Of($"<li>{"2"}</li>")];
        Markup[] array = [.. items];
        Assert.Equal("<ul><li>1</li><li>2</li></ul>", Markup.Of($"<ul>{items}</ul>").ToString());
        Assert.Equal("<ul><li>1</li><li>2</li></ul>", Markup.Of($"<ul>{array}</ul>").ToString());
    }
}
