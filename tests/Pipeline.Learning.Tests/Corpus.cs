namespace Pipeline.Learning.Tests;

/// <summary>The gold corpus's rows, read once for all tests (reading 66 documents takes a few seconds).</summary>
public static class Corpus
{
    private static readonly Lazy<(IReadOnlyList<MetricRow> Rows, int Gold, int Missing)> Read = new(() => TrainingRows.FromCorpus(Repo.Path("corpus", "bulletins")));

    public static (IReadOnlyList<MetricRow> Rows, int Gold, int Missing) Rows => Read.Value;
}

/// <summary>The committed cards' figures (models/NAME-classifier.json), which `pipeline train` writes: the tests read them, never a typed number.</summary>
public static class Cards
{
    public static ModelScores Of(string zip) => ModelScores.FromJson(File.ReadAllText(Repo.Path("models", ModelScores.FileFor(zip))));
}
