using System.Diagnostics;
using System.Text;
using Pipeline.Extraction;
using Pipeline.Extraction.Numbers;

/// <summary>
/// `long 1 8 32`: one document of N MB (the corpus's text bulletins one after another, repeated), timed stage by
/// stage: read (clean, fold, split, metadata), numbers, the figures layer. Each stage should grow linearly with N.
/// </summary>
public static class LongInput
{
    /// <summary>The text bulletins end to end, a blank line apart, until the text holds about <paramref name="utf8Bytes"/> bytes of UTF-8.</summary>
    public static string Text(long utf8Bytes)
    {
        var texts = Directory.GetFiles(Path.Combine(Corpus.Root, "corpus", "bulletins"), "*.txt")
            .Order(StringComparer.Ordinal).Select(p => File.ReadAllText(p, Encoding.UTF8)).ToArray();
        var builder = new StringBuilder();
        long bytes = 0;
        for (var i = 0; bytes < utf8Bytes; i = (i + 1) % texts.Length)
        {
            builder.Append(texts[i]).Append("\n\n");
            bytes += Encoding.UTF8.GetByteCount(texts[i]) + 2;
        }

        return builder.ToString();
    }

    public static void Run(IEnumerable<int> megabytes)
    {
        // Warm the JIT on one bulletin so the first size does not pay for it.
        DocumentExtractor.Extract("warm", Text(20_000));
        foreach (var mb in megabytes)
        {
            var text = Text(mb * 1_000_000L);
            var sw = Stopwatch.StartNew();
            var (prepared, metadata) = DocumentExtractor.Read(text);
            var read = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var scan = QuantityRecognizer.Scan(prepared.Clean, prepared.Key);
            var numbers = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var document = DocumentExtractor.Extract("long", prepared, metadata);
            var figures = sw.Elapsed.TotalSeconds;
            Console.WriteLine($"{mb,3} MB  read {read,7:0.00} s  numbers {numbers,7:0.00} s ({scan.Quantities.Count} numbers)  figures layer {figures,7:0.00} s ({document.Figures.Count} figures)");
        }
    }
}
