using System.Text;

namespace Pipeline.Learning;

/// <summary>
/// Splits documents, never figures, into train and test: a document's figures share phrasing, so
/// letting one document into both parts would flatter the test score. A document goes to test when
/// the FNV-1a hash of its file name, modulo 100, is below <see cref="TestPercent"/>; the hash is
/// stable across runs, machines and .NET versions (string.GetHashCode is not), and adding a document
/// never moves another.
/// </summary>
public static class DocumentSplit
{
    public const int TestPercent = 25;

    public static bool IsTest(string document) => Bucket(document) < TestPercent;

    /// <summary>The document's bucket, 0 to 99.</summary>
    public static int Bucket(string document)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(document))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % 100);
    }

    public static (IReadOnlyList<MetricRow> Train, IReadOnlyList<MetricRow> Test) Split(IReadOnlyList<MetricRow> rows) =>
        (rows.Where(r => !IsTest(r.Document)).ToList(), rows.Where(r => IsTest(r.Document)).ToList());
}
