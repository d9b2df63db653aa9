using System.Text;

namespace Pipeline.Extraction.Tests;

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

/// <summary>Reads an example table: one case a line, "#" comments, the input and expectation split by ⇒.</summary>
public static class ExampleFile
{
    public static TheoryData<string, string> Load(string name)
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Repo.Path("tests", "Pipeline.Extraction.Tests", "Examples", name), Encoding.UTF8))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('⇒', 2);
            data.Add(parts[0].Trim(), parts.Length > 1 ? parts[1].Trim() : "");
        }

        return data;
    }
}
