using System.Text;

namespace Pipeline.Cli;

/// <summary>One input as read: its text, or why it could not be read.</summary>
public sealed record InputText(string Source, string? Text, string? Error, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads files and standard input as text: BOM first, then strict UTF-8, then the Vietnamese
/// legacy code page (windows-1258) with a warning; binary files are refused with a clear message.
/// </summary>
public static class InputReader
{
    private const long MaxBytes = 64L * 1024 * 1024;

    static InputReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

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

        var (encoding, skip) = Bom(bytes);
        if (encoding is not null)
        {
            return new InputText(source, encoding.GetString(bytes, skip, bytes.Length - skip), null, []);
        }

        var controls = bytes.Take(8192).Count(b => b < 0x09 || (b > 0x0D && b < 0x20));
        if (controls > Math.Min(bytes.Length, 8192) / 50)
        {
            return new InputText(source, null, "looks like a binary file, not text or HTML", []);
        }

        try
        {
            return new InputText(source, new UTF8Encoding(false, true).GetString(bytes), null, []);
        }
        catch (DecoderFallbackException)
        {
            var legacy = Encoding.GetEncoding(1258).GetString(bytes);
            return new InputText(source, legacy, null, ["not valid UTF-8; read as windows-1258 (Vietnamese legacy code page)"]);
        }
    }

    private static (Encoding?, int) Bom(byte[] b) => b switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => (null, 0),
    };
}
