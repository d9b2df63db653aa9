using System.Text;
using Pipeline.Decoding;

namespace Pipeline.Crawling.Tests.Decoding;

/// <summary>The CLI reads files through the page decoder; its checks around decoding stay.</summary>
public class InputReaderDecodingTests
{
    [Fact]
    public void TCVN3_files_are_converted_and_say_so()
    {
        var text = string.Join("\n", Samples.Vietnamese);
        var read = InputReader.Decode("old.txt", LegacyEncoders.Tcvn3(text));
        Assert.Null(read.Error);
        Assert.Equal(text, read.Text);
        Assert.Contains("TCVN3 text converted", read.Warnings);
    }

    [Fact]
    public void An_HTML_file_with_a_meta_charset_needs_no_warning()
    {
        byte[] html = [.. "<html><head><meta charset=\"windows-1258\"></head><body>"u8, .. LegacyEncoders.Windows1258(Samples.Sentence)];
        var read = InputReader.Decode("page.html", html);
        Assert.EndsWith(Samples.Sentence, read.Text);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void UTF_16_files_with_a_BOM_are_not_mistaken_for_binary()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Samples.Sentence)];
        var read = InputReader.Decode("utf16.txt", bytes);
        Assert.Null(read.Error);
        Assert.Equal(Samples.Sentence, read.Text);
    }

    [Fact]
    public void Binary_and_empty_files_keep_their_messages()
    {
        var binary = InputReader.Decode("x.bin", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i % 7))]);
        Assert.Null(binary.Text);
        Assert.Contains("binary", binary.Error);

        var empty = InputReader.Decode("empty.txt", []);
        Assert.Equal("", empty.Text);
        Assert.Equal(["the file is empty"], empty.Warnings);
    }
}
