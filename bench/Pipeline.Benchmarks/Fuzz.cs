using Pipeline.Extraction;

/// <summary>
/// A longer run of the property the tests sample: splice odd fragments into bulletins and check that
/// extraction neither throws nor reports an offset that does not point at its text.
/// `dotnet run -c Release --project bench/Pipeline.Benchmarks -- fuzz 30000 [seed]`.
/// </summary>
public static class Fuzz
{
    private static readonly string[] Splices =
    [
        "2.599,5", "1,200.5", "3.131.93", "(((", ")))", "%%", "tỷ tỷ tỷ", "khoảng hơn gần", "\u0000", "\uFFFD", "<p>", "</div>", "lần lượt là",
        "cùng kỳ", "9999999999999999999999999999999 tỷ", "Ð", "\u0301\u0301", "từ", "đến", "-", "/", ";", "\n\n", "gấp", "quý IV/", "0,000001%",
        "99.999.999.999.999.999.999 nghìn tỷ", "từ 9 đến", "(26 FDI và", "tính đến ngày", "lũy kế", "cả giai đoạn 2016-", "ba mươi", "rưỡi",
        "https://x.vn/a?b=1", "IMG_.jpg", "1/", "/2023", "hơn", "vượt 12% kế", "%", "₫", "$", "\uD83D\uDE00", "\t\t", "…",
    ];

    public static void Run(int count, int seed)
    {
        var random = new Random(seed);
        var failures = 0;
        for (var n = 0; n < count; n++)
        {
            var text = Corpus.Texts[random.Next(Corpus.Texts.Length)];
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                var at = random.Next(text.Length + 1);
                var cut = random.Next(0, 40);
                text = text[..at] + Splices[random.Next(Splices.Length)] + text[Math.Min(text.Length, at + cut)..];
            }

            try
            {
                var (prepared, metadata) = DocumentExtractor.Read(text);
                var document = DocumentExtractor.Extract("fuzz", prepared, metadata);
                foreach (var f in document.Figures)
                {
                    if (f.Start < 0 || f.End > prepared.Clean.Length || prepared.Clean[f.Start..f.End] != f.Text)
                    {
                        throw new InvalidOperationException($"offset {f.Start}-{f.End} does not hold «{f.Text}»");
                    }
                }
            }
            catch (Exception e)
            {
                if (++failures <= 5)
                {
                    Console.WriteLine($"case {n}: {e.GetType().Name}: {e.Message}\n{e.StackTrace?.Split('\n').FirstOrDefault()}");
                }
            }
        }

        Console.WriteLine($"fuzz: {count} mutated bulletins, {failures} failures (seed {seed})");
    }
}
