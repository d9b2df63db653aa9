using System.Text;
using Pipeline.Decoding;

namespace Pipeline.Crawling.Tests.Decoding;

public class PageDecoderTests
{
    private static readonly byte[] Utf8Sentence = Encoding.UTF8.GetBytes(Samples.Sentence);
    private static readonly byte[] Cp1258Sentence = LegacyEncoders.Windows1258(Samples.Sentence);

    public static TheoryData<string, byte[], string?, string, string, CharsetSource> Examples => new()
    {
        { "utf-8 with BOM, header ignored", [0xEF, 0xBB, 0xBF, .. Utf8Sentence], "text/html; charset=iso-8859-1", Samples.Sentence, "utf-8", CharsetSource.Bom },
        { "utf-16LE with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Samples.Sentence)], null, Samples.Sentence, "utf-16", CharsetSource.Bom },
        { "utf-16BE with BOM", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Samples.Sentence)], null, Samples.Sentence, "utf-16BE", CharsetSource.Bom },
        { "utf-8 header", Utf8Sentence, "text/html; charset=utf-8", Samples.Sentence, "utf-8", CharsetSource.Header },
        { "quoted upper-case header", Utf8Sentence, "text/html; Charset=\"UTF-8\"", Samples.Sentence, "utf-8", CharsetSource.Header },
        { "utf8 alias", Utf8Sentence, "text/html;charset=utf8", Samples.Sentence, "utf-8", CharsetSource.Header },
        { "1258 header", Cp1258Sentence, "text/html; charset=windows-1258", Samples.Sentence, "windows-1258", CharsetSource.Header },
        { "1258 meta only", [.. Meta("<meta charset=\"windows-1258\">"), .. Cp1258Sentence], null, Samples.Sentence, "windows-1258", CharsetSource.Meta },
        { "1258 http-equiv only", [.. Meta("<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=windows-1258'>"), .. Cp1258Sentence], "text/html", Samples.Sentence, "windows-1258", CharsetSource.Meta },
        { "1258 undeclared", Cp1258Sentence, null, Samples.Sentence, "windows-1258", CharsetSource.Sniffed },
        { "utf-8 undeclared", Utf8Sentence, "text/html", Samples.Sentence, "utf-8", CharsetSource.Sniffed },
        { "ASCII undeclared", "Khu cong nghiep"u8.ToArray(), null, "Khu cong nghiep", "utf-8", CharsetSource.Default },
        { "latin-1 label reads as windows-1252", [0x93, 0x63, 0x61, 0x66, 0xE9, 0x94], "text/plain; charset=ISO-8859-1", "“café”", "windows-1252", CharsetSource.Header },
        { "French windows-1252 undeclared", [0x64, 0xE9, 0x6A, 0xE0, 0x20, 0x6F, 0xF9], null, "déjà où", "windows-1252", CharsetSource.Sniffed },
        { "header iso-8859-1 over UTF-8", Utf8Sentence, "text/html; charset=iso-8859-1", Samples.Sentence, "utf-8", CharsetSource.Sniffed },
        { "header 1258 over UTF-8", Utf8Sentence, "text/html; charset=windows-1258", Samples.Sentence, "utf-8", CharsetSource.Sniffed },
        { "header utf-8 over 1258", Cp1258Sentence, "text/html; charset=utf-8", Samples.Sentence, "windows-1258", CharsetSource.Sniffed },
        { "header utf-8 over 1258 with meta", [.. Meta("<meta charset=windows-1258>"), .. Cp1258Sentence], "text/html; charset=utf-8", Samples.Sentence, "windows-1258", CharsetSource.Meta },
        { "wrong header, right meta", [.. Meta("<meta charset=utf-8>"), .. Utf8Sentence], "text/html; charset=iso-8859-1", Samples.Sentence, "utf-8", CharsetSource.Meta },
        { "header iso-8859-1 over 1258", Cp1258Sentence, "text/html; charset=iso-8859-1", Samples.Sentence, "windows-1258", CharsetSource.Sniffed },
        { "header windows-1252 over French", [0x64, 0xE9, 0x6A, 0xE0, 0x20, 0x6F, 0xF9, 0x20, 0xC3, 0x6F], "text/html; charset=windows-1252", "déjà où Ão", "windows-1252", CharsetSource.Header },
        { "typo in the header", Cp1258Sentence, "text/html; charset=windows-1258x", Samples.Sentence, "windows-1258", CharsetSource.Sniffed },
        { "x-user-defined", Utf8Sentence, "text/html; charset=x-user-defined", Samples.Sentence, "utf-8", CharsetSource.Sniffed },
        { "unicode without UTF-16 bytes", Utf8Sentence, "text/html; charset=unicode", Samples.Sentence, "utf-8", CharsetSource.Sniffed },
        { "empty body", [], "text/html; charset=utf-8", "", "utf-8", CharsetSource.Header },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Decodes_the_example_table(string name, byte[] body, string? contentType, string expectedText, string encoding, CharsetSource source)
    {
        var page = PageDecoder.Decode(body, contentType);
        Assert.True(page.Text.EndsWith(expectedText, StringComparison.Ordinal), $"{name}: got \"{page.Text}\"");
        Assert.Equal(encoding, page.Encoding);
        Assert.Equal(source, page.Source);
        Assert.Equal(LegacyFont.None, page.LegacyFont);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/html; charset=windows-1258")]
    [InlineData("meta")]
    public void Windows_1258_round_trips_to_the_NFC_original(string? declaration)
    {
        foreach (var sentence in Samples.Vietnamese)
        {
            var bytes = LegacyEncoders.Windows1258(sentence);
            var prefix = declaration == "meta" ? Meta("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head><body>") : [];
            var page = PageDecoder.Decode([.. prefix, .. bytes], declaration == "meta" ? null : declaration);
            Assert.Equal(sentence.Normalize(NormalizationForm.FormC), page.Text[(prefix.Length)..]);
            Assert.True(page.Text.IsNormalized(NormalizationForm.FormC));
            Assert.Equal("windows-1258", page.Encoding);
            Assert.Equal(LegacyFont.None, page.LegacyFont);
        }
    }

    [Fact]
    public void Windows_1258_bytes_really_hold_combining_marks()
    {
        // Guards the round trip above against an encoder that silently writes precomposed letters.
        var raw = Encoding.GetEncoding(1258).GetString(LegacyEncoders.Windows1258("Việt"));
        Assert.NotEqual("Việt", raw);
        Assert.Contains('\u0323', raw);
    }

    [Fact]
    public void A_contradicted_header_is_named_in_a_warning()
    {
        var page = PageDecoder.Decode(Utf8Sentence, "text/html; charset=iso-8859-1");
        Assert.Contains("header said iso-8859-1 but the bytes are UTF-8", page.Warnings);

        var latin = PageDecoder.Decode(Cp1258Sentence, "text/html; charset=ISO-8859-1");
        Assert.Contains("header said ISO-8859-1 but the bytes are Vietnamese windows-1258", latin.Warnings);

        var legacy = PageDecoder.Decode(Cp1258Sentence, "text/html; charset=utf-8");
        Assert.Contains("header said utf-8 but the bytes are not UTF-8", legacy.Warnings);
        Assert.Contains(legacy.Warnings, w => w.Contains("windows-1258"));
    }

    [Theory]
    [InlineData("text/html; charset=x-user-defined", "x-user-defined")]
    [InlineData("text/html; charset=no-such-charset", "no-such-charset")]
    [InlineData("text/html; charset=utf-7", "utf-7")]
    [InlineData("text/html; charset=ibm037", "ibm037")]
    public void Unusable_labels_are_ignored_with_a_warning(string contentType, string label)
    {
        var page = PageDecoder.Decode(Utf8Sentence, contentType);
        Assert.Equal(Samples.Sentence, page.Text);
        Assert.Contains(page.Warnings, w => w.StartsWith($"header charset \"{label}\"", StringComparison.Ordinal) && w.EndsWith("ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void Truncated_UTF_8_is_still_UTF_8_with_a_warning()
    {
        var cut = Utf8Sentence[..Array.IndexOf(Utf8Sentence, (byte)0xE1, 20)];
        var whole = Encoding.UTF8.GetBytes("tổng vốn đầu tư");
        byte[] truncated = [.. Utf8Sentence, .. whole[..^1]];
        foreach (var contentType in new[] { null, "text/html; charset=utf-8" })
        {
            var page = PageDecoder.Decode(truncated, contentType);
            Assert.Equal("utf-8", page.Encoding);
            Assert.StartsWith(Samples.Sentence + "tổng vốn đầu t", page.Text);
            Assert.EndsWith("\uFFFD", page.Text);
            Assert.Contains(page.Warnings, w => w.Contains("truncated"));
        }

        Assert.Equal("utf-8", PageDecoder.Decode([.. cut, 0xE1, 0xBB], null).Encoding);
    }

    [Fact]
    public void A_few_malformed_sequences_in_UTF_8_are_replaced_not_misread()
    {
        var text = string.Concat(Enumerable.Repeat(Samples.Sentence + " ", 3));
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes[10] = 0xFF;
        var page = PageDecoder.Decode(bytes, null);
        Assert.Equal("utf-8", page.Encoding);
        Assert.Contains('\uFFFD', page.Text);
        Assert.Contains("1 malformed UTF-8 sequence(s) replaced with U+FFFD", page.Warnings);
        Assert.EndsWith(Samples.Sentence + " ", page.Text);
    }

    [Fact]
    public void UTF_16_without_a_BOM_is_honoured_only_when_the_bytes_are_UTF_16()
    {
        var utf16 = Encoding.Unicode.GetBytes(Samples.Sentence);
        var page = PageDecoder.Decode(utf16, "text/html; charset=utf-16le");
        Assert.Equal(Samples.Sentence, page.Text);
        Assert.Equal(CharsetSource.Header, page.Source);
    }

    [Fact]
    public void Meta_charset_is_found_only_in_markup_near_the_start()
    {
        Assert.Equal("windows-1258", MetaCharset.Find(Meta("<!-- <meta charset=utf-8> --><meta name=x content=y><meta charset='windows-1258'>")));
        Assert.Equal("windows-1258", MetaCharset.Find(Meta("<?xml version=\"1.0\" encoding=\"windows-1258\"?><html>")));
        Assert.Equal("utf-8", MetaCharset.Find(Meta("<meta http-equiv=\"content-type\" content=\"text/html;charset=utf-8\"/>")));
        Assert.Null(MetaCharset.Find(Meta("<metadata charset=utf-8>")));
        Assert.Null(MetaCharset.Find(Meta(new string(' ', MetaCharset.PrefixBytes) + "<meta charset=utf-8>")));
        Assert.Null(MetaCharset.Find(Meta("<meta charset=")));
    }

    [Theory]
    [InlineData("text/html; charset=windows-1258", "windows-1258")]
    [InlineData("text/html;charset='utf-8';foo=bar", "utf-8")]
    [InlineData("text/html; format=flowed; CHARSET = \"iso-8859-1\"", "iso-8859-1")]
    [InlineData("text/html", null)]
    [InlineData("text/html; charset=", null)]
    [InlineData("text/html; mycharset", null)]
    [InlineData(null, null)]
    public void Content_type_charset_is_read(string? contentType, string? expected) =>
        Assert.Equal(expected, ContentTypeCharset.Find(contentType));

    [Fact]
    public void Random_bytes_never_throw_and_always_give_NFC_text()
    {
        var random = new Random(20231);
        string?[] contentTypes = [null, "text/html; charset=utf-8", "text/html; charset=windows-1258", "text/html; charset=tcvn3", "text/html; charset=unicode", "text/html; charset=\"", "charset=shift_jis"];
        for (var n = 0; n < 2000; n++)
        {
            var body = new byte[random.Next(0, 300)];
            random.NextBytes(body);
            if (n % 3 == 0 && body.Length > 2)
            {
                // Steer some inputs into the BOM and meta paths.
                body[0] = (byte)(n % 2 == 0 ? 0xFF : 0xEF);
                body[1] = (byte)(n % 2 == 0 ? 0xFE : 0xBB);
            }

            var page = PageDecoder.Decode(body, contentTypes[n % contentTypes.Length]);
            Assert.True(page.Text.IsNormalized(NormalizationForm.FormC));
        }

        var junk = Enumerable.Range(0, 4096).Select(i => (byte)(i % 7)).ToArray();
        Assert.Contains(PageDecoder.Decode(junk, null).Warnings, w => w.Contains("binary"));
    }

    [Fact]
    public void Lone_surrogates_from_UTF_16_do_not_break_normalisation()
    {
        var page = PageDecoder.Decode([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00, 0x00, 0xDC], null);
        Assert.True(page.Text.IsNormalized(NormalizationForm.FormC));
        Assert.Contains('A', page.Text);
    }

    private static byte[] Meta(string markup) => Encoding.ASCII.GetBytes(markup);
}
