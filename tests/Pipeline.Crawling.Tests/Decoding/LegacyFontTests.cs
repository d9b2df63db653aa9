using System.Text;
using Pipeline.Decoding;

namespace Pipeline.Crawling.Tests.Decoding;

public class LegacyFontTests
{
    [Theory]
    // Bytes written out by hand from the TCVN3 chart, not through the table.
    [InlineData(new byte[] { 0x63, 0xAB, 0x6E, 0x67, 0x20, 0x6E, 0x67, 0x68, 0x69, 0xD6, 0x70 }, "công nghiệp")]
    [InlineData(new byte[] { 0xA7, 0xE5, 0x6E, 0x67, 0x20, 0x4E, 0x61, 0x69 }, "Đồng Nai")]
    [InlineData(new byte[] { 0xAE, 0xC7, 0x75, 0x20, 0x74, 0xAD }, "đầu tư")]
    [InlineData(new byte[] { 0x6E, 0xA8, 0x6D, 0x20, 0x64, 0xF9, 0x20, 0xB8, 0x6E }, "năm dự án")]
    [InlineData(new byte[] { 0x74, 0xFB, 0x20, 0xAE, 0xE5, 0x6E, 0x67 }, "tỷ đồng")]
    [InlineData(new byte[] { 0x48, 0xB5, 0x20, 0x4E, 0xE9, 0x69 }, "Hà Nội")]
    [InlineData(new byte[] { 0x6E, 0xAD, 0xED, 0x63, 0x20, 0x74, 0x68, 0xB6, 0x69 }, "nước thải")]
    [InlineData(new byte[] { 0x56, 0x49, 0xD6, 0x54, 0x20, 0x4E, 0x41, 0x4D }, "VIỆT NAM")]
    [InlineData(new byte[] { 0x74, 0x61, 0xB3, 0x63, 0x20, 0x74, 0xA9, 0xB4, 0x6E }, "tác tận")]
    [InlineData(new byte[] { 0xFF, 0x6E, 0x67, 0x20, 0xC4, 0x6E }, "Ống Ấn")]
    public void Hand_written_TCVN3_bytes_convert(byte[] bytes, string expected) =>
        Assert.Equal(expected, LegacyFontConverter.ToUnicode(LegacyEncoders.Windows1252.GetString(bytes), LegacyFont.Tcvn3));

    [Theory]
    // VNI by hand: base letter, then the mark.
    [InlineData("coâng nghieäp", "công nghiệp")]
    [InlineData("Ñoàng Nai", "Đồng Nai")]
    [InlineData("ñaàu tö", "đầu tư")]
    [InlineData("döï aùn", "dự án")]
    [InlineData("ngöôøi lao ñoäng", "người lao động")]
    [InlineData("tænh Baéc Ninh", "tỉnh Bắc Ninh")]
    [InlineData("kyõ thuaät, thò tröôøng", "kỹ thuật, thị trường")]
    [InlineData("THOÂNG BAÙO", "THÔNG BÁO")]
    public void Hand_written_VNI_converts(string vni, string expected) =>
        Assert.Equal(expected, LegacyFontConverter.ToUnicode(vni, LegacyFont.Vni));

    [Fact]
    public void The_TCVN3_table_is_complete_and_one_to_one()
    {
        Assert.Equal(95, Tcvn3Table.ToUnicode.Count);
        Assert.Equal(Tcvn3Table.ToUnicode.Count, Tcvn3Table.ToUnicode.Values.Distinct().Count());

        // Every lower-case Vietnamese vowel with a tone has a code.
        var toned = "aăâeêioôơuưy".SelectMany(v => "\u0300\u0309\u0303\u0301\u0323".Select(t => string.Concat(v, t).Normalize(NormalizationForm.FormC)[0]));
        Assert.All(toned, letter => Assert.Contains(letter, Tcvn3Table.ToUnicode.Values));
    }

    [Fact]
    public void The_VNI_table_covers_every_Vietnamese_letter()
    {
        var letters = "aăâeêioôơuưy".SelectMany(v => "\u0300\u0309\u0303\u0301\u0323".Select(t => string.Concat(v, t).Normalize(NormalizationForm.FormC)[0]))
            .Concat("ăâêôơưđ");
        var produced = VniTable.Pairs.Values.Concat(VniTable.Singles.Values).ToHashSet();
        Assert.All(letters, letter =>
        {
            Assert.Contains(letter, produced);
            Assert.Contains(char.ToUpperInvariant(letter), produced);
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/html; charset=iso-8859-1")]
    [InlineData("text/html; charset=windows-1258")]
    public void TCVN3_pages_are_detected_and_converted(string? contentType)
    {
        var text = string.Join(" ", Samples.Vietnamese);
        var page = PageDecoder.Decode(LegacyEncoders.Tcvn3(text), contentType);
        Assert.Equal(LegacyFont.Tcvn3, page.LegacyFont);
        Assert.Equal(text, page.Text);
        Assert.Contains("TCVN3 text converted", page.Warnings);
    }

    [Fact]
    public void TCVN3_already_turned_into_UTF_8_mojibake_is_converted()
    {
        var text = string.Join(" ", Samples.Vietnamese);
        var mojibake = LegacyEncoders.Windows1252.GetString(LegacyEncoders.Tcvn3(text));
        var page = PageDecoder.Decode(Encoding.UTF8.GetBytes(mojibake), "text/html; charset=utf-8");
        Assert.Equal(LegacyFont.Tcvn3, page.LegacyFont);
        Assert.Equal(text, page.Text);
        Assert.Equal(CharsetSource.Header, page.Source);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/html; charset=windows-1252")]
    public void VNI_pages_are_detected_and_converted(string? contentType)
    {
        foreach (var sentence in Samples.Vietnamese)
        {
            var page = PageDecoder.Decode(LegacyEncoders.Vni(sentence), contentType);
            Assert.Equal(LegacyFont.Vni, page.LegacyFont);
            Assert.Equal(sentence, page.Text);
            Assert.Contains("VNI text converted", page.Warnings);
        }
    }

    [Fact]
    public void A_short_TCVN3_phrase_needs_the_font_name_to_be_converted()
    {
        var phrase = "<p>Khu c«ng nghiÖp</p>";
        var bare = PageDecoder.Decode(LegacyEncoders.Windows1252.GetBytes(phrase), "text/html; charset=windows-1252");
        Assert.Equal(LegacyFont.None, bare.LegacyFont);
        Assert.Equal(phrase, bare.Text);
        Assert.Contains("looks like TCVN3 but unsure: left as is", bare.Warnings);

        var hinted = PageDecoder.Decode(LegacyEncoders.Windows1252.GetBytes("<font face=\".VnTime\">" + phrase + "</font>"), "text/html; charset=windows-1252");
        Assert.Equal(LegacyFont.Tcvn3, hinted.LegacyFont);
        Assert.Contains("Khu công nghiệp", hinted.Text);

        var labelled = PageDecoder.Decode(LegacyEncoders.Windows1252.GetBytes(phrase), "text/html; charset=TCVN3");
        Assert.Equal(LegacyFont.Tcvn3, labelled.LegacyFont);
    }

    [Theory]
    [InlineData(Samples.English)]
    [InlineData(Samples.French)]
    [InlineData("Die Größe des Industrieparks: 45 Projekte, schön gelegen, mögliche Übernahme; España, año, niño.")]
    public void Western_text_is_never_converted(string text)
    {
        foreach (var (bytes, contentType) in new[]
        {
            (Encoding.UTF8.GetBytes(text), (string?)"text/html; charset=utf-8"),
            (Encoding.UTF8.GetBytes(text), null),
            (LegacyEncoders.Windows1252.GetBytes(text), "text/html; charset=windows-1252"),
            (LegacyEncoders.Windows1252.GetBytes(text), null),
        })
        {
            var page = PageDecoder.Decode(bytes, contentType);
            Assert.Equal(LegacyFont.None, page.LegacyFont);
            Assert.Equal(text, page.Text);
            Assert.DoesNotContain(page.Warnings, w => w.Contains("TCVN3") || w.Contains("VNI"));
        }
    }

    [Fact]
    public void Unicode_Vietnamese_is_never_converted()
    {
        foreach (var sentence in Samples.Vietnamese)
        {
            var page = PageDecoder.Decode(Encoding.UTF8.GetBytes(sentence), null);
            Assert.Equal(LegacyFont.None, page.LegacyFont);
            Assert.Equal(sentence, page.Text);
            Assert.Empty(page.Warnings);

            // Decomposed (NFD) Vietnamese comes back composed, still unconverted.
            var nfd = PageDecoder.Decode(Encoding.UTF8.GetBytes(sentence.Normalize(NormalizationForm.FormD)), "text/html; charset=utf-8");
            Assert.Equal(sentence, nfd.Text);
            Assert.Equal(LegacyFont.None, nfd.LegacyFont);
        }
    }

    [Fact]
    public void Detector_needs_evidence_beyond_chance()
    {
        Assert.Equal(LegacyFont.None, LegacyFontDetector.Detect("Microsoft® Windows® Server").Font);
        Assert.Equal(LegacyFont.None, LegacyFontDetector.Detect("« Bonjour », dit-il, où est l'aéroport ?").Font);
        Assert.Equal(LegacyFont.Tcvn3, LegacyFontDetector.Detect("Khu c«ng nghiÖp §ång An thu hót 12 dù ¸n").Font);
        Assert.Equal(LegacyFont.Vni, LegacyFontDetector.Detect("Khu coâng nghieäp Ñoàng An thu huùt 12 döï aùn").Font);
        Assert.Equal(LegacyFont.Tcvn3, LegacyFontDetector.FontHint("<span style=\"font-family:.VnTime\">"));
        Assert.Equal(LegacyFont.Vni, LegacyFontDetector.FontHint("<font face=\"VNI-Times\">"));
        Assert.Equal(LegacyFont.None, LegacyFontDetector.FontHint("<a href=\"https://bqlkcn.example.vn/News\">"));
    }
}
