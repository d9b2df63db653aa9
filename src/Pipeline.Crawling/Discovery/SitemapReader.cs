using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Pipeline.Crawling.Discovery;

/// <summary>A URL a sitemap or feed announces, with its date when given.</summary>
public sealed record Announced(Uri Url, DateTimeOffset? Date);

/// <summary>What one sitemap file lists: pages, or (for an index) further sitemaps; and what went wrong reading it.</summary>
public sealed record SitemapContent(IReadOnlyList<Announced> Pages, IReadOnlyList<Uri> Sitemaps, string? Error);

/// <summary>
/// Reads sitemaps (sitemaps.org 0.9): url sets and index files, plain or gzip. Lenient about
/// namespaces and broken tails (what was read before an error is kept); never resolves DTDs.
/// </summary>
public static class SitemapReader
{
    public static SitemapContent Read(byte[] body, long maxBytes = 50L * 1024 * 1024)
    {
        var pages = new List<Announced>();
        var sitemaps = new List<Uri>();
        string? error = null;
        try
        {
            using var input = Open(body, maxBytes);
            using var xml = XmlReader.Create(input, Settings);
            string? loc = null;
            DateTimeOffset? modified = null;
            // ReadElementContentAsString moves past the element, so the loop advances only when nothing was read.
            xml.Read();
            while (!xml.EOF)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "loc")
                {
                    loc = xml.ReadElementContentAsString().Trim();
                    continue;
                }

                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "lastmod")
                {
                    modified = Date(xml.ReadElementContentAsString());
                    continue;
                }

                if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "url" or "sitemap")
                {
                    (loc, modified) = (null, null);
                }
                else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName is "url" or "sitemap")
                {
                    Close(xml.LocalName);
                }

                xml.Read();
            }

            void Close(string element)
            {
                if (loc is not null && Uri.TryCreate(loc, UriKind.Absolute, out var url))
                {
                    if (element == "sitemap")
                    {
                        sitemaps.Add(url);
                    }
                    else
                    {
                        pages.Add(new Announced(url, modified));
                    }
                }

                loc = null;
            }
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            error = e.Message;
        }

        return new SitemapContent(pages, sitemaps, error);
    }

    internal static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CheckCharacters = false,
    };

    /// <summary>The body as a stream, gunzipped when it starts with the gzip magic, cut off at <paramref name="maxBytes"/>.</summary>
    internal static Stream Open(byte[] body, long maxBytes)
    {
        Stream stream = new MemoryStream(body, writable: false);
        if (body.Length >= 2 && body[0] == 0x1F && body[1] == 0x8B)
        {
            stream = new CappedStream(new GZipStream(stream, CompressionMode.Decompress), maxBytes);
        }

        return stream;
    }

    /// <summary>W3C datetime: a date, or a date and time with a zone; anything else is no date.</summary>
    internal static DateTimeOffset? Date(string text) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    /// <summary>Throws once more than the cap has been read, so a decompression bomb stops early.</summary>
    private sealed class CappedStream(Stream inner, long cap) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            return _read > cap ? throw new InvalidDataException($"the decompressed sitemap passed {cap:N0} bytes") : n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
