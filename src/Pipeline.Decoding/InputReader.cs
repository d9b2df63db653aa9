
namespace Pipeline.Decoding;

/// <summary>One input as read: its text, or why it could not be read.</summary>
public sealed record InputText(string Source, string? Text, string? Error, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads files and standard input as text. Files are decoded by <see cref="PageDecoder"/>, as crawled pages are
/// (BOM, meta charset, strict UTF-8, else windows-1258/1252; TCVN3 and VNI converted), its warnings
/// passed on; binary files are refused with a clear message.
/// </summary>
public static class InputReader
{
    private const long MaxBytes = 64L * 1024 * 1024;

    public static InputText Read(string source, TextReader stdin)
    {
        try
        {
            if (source == "-")
            {
                return new InputText(source, stdin.ReadToEnd(), null, []);
            }

            if (Directory.Exists(source))
            {
                return new InputText(source, null, "is a folder; give the files in it (e.g. corpus/bulletins/*.txt)", []);
            }

            var info = new FileInfo(source);
            if (!info.Exists)
            {
                return new InputText(source, null, "no such file", []);
            }

            if (info.Length > MaxBytes)
            {
                return new InputText(source, null, $"is {info.Length / (1024 * 1024)} MB; the limit is {MaxBytes / (1024 * 1024)} MB", []);
            }

            return Decode(source, File.ReadAllBytes(source));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new InputText(source, null, e.Message, []);
        }
    }

    public static InputText Decode(string source, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return new InputText(source, "", null, ["the file is empty"]);
        }

        // UTF-16 text is full of zero bytes, so only unmarked files are checked for binary content.
        if (ByteOrderMark.Detect(bytes) is null)
        {
            var controls = bytes.Take(8192).Count(b => b < 0x09 || (b > 0x0D && b < 0x20));
            if (controls > Math.Min(bytes.Length, 8192) / 50)
            {
                return new InputText(source, null, "looks like a binary file, not text or HTML", []);
            }
        }

        var page = PageDecoder.Decode(bytes, contentType: null);
        return new InputText(source, page.Text, null, page.Warnings);
    }
}
