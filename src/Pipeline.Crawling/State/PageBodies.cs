using System.IO.Compression;

namespace Pipeline.Crawling.State;

/// <summary>Page bodies as the store keeps them: Brotli at its fastest level (HTML shrinks about 5×).</summary>
public static class PageBodies
{
    public static byte[] Compress(byte[] body)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest))
        {
            brotli.Write(body);
        }

        return output.ToArray();
    }

    public static byte[] Decompress(byte[] stored)
    {
        using var input = new BrotliStream(new MemoryStream(stored), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
