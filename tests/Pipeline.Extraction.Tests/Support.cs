using System.Text;

namespace Pipeline.Extraction.Tests;

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
