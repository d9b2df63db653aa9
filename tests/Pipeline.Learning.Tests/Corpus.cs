namespace Pipeline.Learning.Tests;

/// <summary>The gold corpus's rows, read once for all tests (reading 66 documents takes a few seconds).</summary>
public static class Corpus
{
    private static readonly Lazy<(IReadOnlyList<MetricRow> Rows, int Gold, int Missing)> Read = new(() => TrainingRows.FromCorpus(Repo.Path("corpus", "bulletins")));

    public static (IReadOnlyList<MetricRow> Rows, int Gold, int Missing) Rows => Read.Value;
}
