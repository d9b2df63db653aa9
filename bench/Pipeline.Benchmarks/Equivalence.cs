using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Extraction;
using Pipeline.Extraction.Numbers;

/// <summary>
/// `dump FILE`: writes everything the numbers layer and the whole extractor give for the corpus, every example line
/// of the test corpora, the table pages, the test pages and a long input, so that a speed change can be checked byte for byte
/// against the output of the code before it (`cmp before after`).
/// </summary>
public static class Equivalence
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static void Run(string path)
    {
        using var output = new StreamWriter(path, false, new UTF8Encoding(false));
        var inputs = Inputs().ToList();
        foreach (var (name, text) in inputs)
        {
            var prepared = PreparedText.From(text);
            var scan = QuantityRecognizer.Scan(prepared.Clean, prepared.Key);
            output.WriteLine("# " + name);
            output.WriteLine(JsonSerializer.Serialize(scan, Json));
            try
            {
                output.WriteLine(JsonSerializer.Serialize(DocumentExtractor.Extract(name, text), Json));
            }
            catch (ArgumentException e)
            {
                // A known extractor fault on some inputs is part of the behaviour compared: it must stay the same.
                output.WriteLine("fails: " + e.GetType().Name + ": " + e.Message);
            }
        }

        output.Flush();
        Console.WriteLine($"{inputs.Count} inputs written to {path}");
        output.Close();
        Console.WriteLine("sha256 " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))));
    }

    private static IEnumerable<(string Name, string Text)> Inputs()
    {
        var bulletins = Path.Combine(Corpus.Root, "corpus", "bulletins");
        foreach (var file in Directory.GetFiles(bulletins).Order(StringComparer.Ordinal))
        {
            yield return (Path.GetFileName(file), File.ReadAllText(file, Encoding.UTF8));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(Corpus.Root, "corpus", "tables")).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            yield return (Path.GetFileName(file), File.ReadAllText(file, Encoding.UTF8));
        }

        var tests = Path.Combine(Corpus.Root, "tests", "Pipeline.Extraction.Tests");
        foreach (var file in Directory.GetFiles(Path.Combine(tests, "Examples"), "*.txt").Order(StringComparer.Ordinal))
        {
            var n = 0;
            foreach (var line in File.ReadLines(file, Encoding.UTF8))
            {
                n++;
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var arrow = line.IndexOf('⇒', StringComparison.Ordinal);
                yield return ($"{Path.GetFileName(file)}:{n}", arrow < 0 ? line : line[..arrow].Trim());
            }
        }

        foreach (var file in Directory.GetFiles(Path.Combine(tests, "Pages"), "*.html").Order(StringComparer.Ordinal))
        {
            yield return (Path.GetFileName(file), File.ReadAllText(file, Encoding.UTF8));
        }

        yield return ("long-1MB", LongInput.Text(1_000_000));
    }
}
