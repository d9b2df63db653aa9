namespace Pipeline.Crawling.Sites;

/// <summary>How well an extracted body matches its written text: F1 over a bag of lower-cased tokens (order does not count).</summary>
public static class TokenOverlap
{
    public static double F1(string read, string gold)
    {
        static Dictionary<string, int> Bag(string text) => text.ToLowerInvariant()
            .Split([' ', '\n', '\t', ',', '.', ';', ':', '(', ')', '"', '“', '”', '|'], StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var a = Bag(read);
        var b = Bag(gold);
        var common = a.Sum(kv => Math.Min(kv.Value, b.GetValueOrDefault(kv.Key)));
        if (common == 0)
        {
            return 0;
        }

        var precision = (double)common / a.Values.Sum();
        var recall = (double)common / b.Values.Sum();
        return 2 * precision * recall / (precision + recall);
    }
}
