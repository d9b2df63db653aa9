namespace Pipeline.Learning.Tests;

/// <summary>Finds the repository (the folder holding Pipeline.sln) from the test's output folder.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Pipeline.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}

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
