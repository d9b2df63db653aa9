namespace Pipeline.TestSupport;

/// <summary>How well an extracted text matches its written one: F1 over a bag of lower-cased tokens split at spaces and punctuation (order and line breaks do not count).</summary>
public static class TokenOverlap
{
    private static readonly char[] Separators = [' ', '\n', '\r', '\t', ',', '.', ';', ':', '(', ')', '"', '“', '”', '|'];

    public static double F1(string predicted, string gold)
    {
        static Dictionary<string, int> Bag(string text) => text.ToLowerInvariant()
            .Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var p = Bag(predicted);
        var g = Bag(gold);
        var common = p.Sum(kv => Math.Min(kv.Value, g.GetValueOrDefault(kv.Key)));
        if (common == 0)
        {
            return 0;
        }

        var precision = (double)common / p.Values.Sum();
        var recall = (double)common / g.Values.Sum();
        return 2 * precision * recall / (precision + recall);
    }
}
