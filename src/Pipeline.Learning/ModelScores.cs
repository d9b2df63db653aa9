using System.Security.Cryptography;
using System.Text.Json;

namespace Pipeline.Learning;

/// <summary>A model's macro-F1 and accuracy on one set of rows, as its card prints them (three decimals).</summary>
public sealed record Score(double MacroF1, double Accuracy)
{
    public static Score Of(Evaluation e) => new(Math.Round(e.MacroF1, 3), Math.Round(e.Accuracy, 3));
}

/// <summary>
/// The figures of a model card as data (models/NAME-classifier.json), written by <c>pipeline train</c> beside the card it
/// renders, and read by the tests instead of numbers typed into them. <see cref="Sha256"/> names the exact zip the
/// figures describe, so a zip committed without its card (or the reverse) is caught.
/// </summary>
/// <param name="Model">The zip's file name ("metric-classifier.zip").</param>
/// <param name="Sha256">The zip's SHA-256, lower-case hex.</param>
/// <param name="Trainer">The trainer shipped ("sdca-maxent").</param>
/// <param name="TestRows">Rows (figures or pages) in the test split.</param>
/// <param name="Scores">By name: <see cref="Model"/> alone on the test split, and per model <see cref="Rules"/>,
/// <see cref="Combined"/> or <see cref="CrossValidated"/>.</param>
public sealed record ModelScores(string Model, string Sha256, string Trainer, int TestRows, IReadOnlyDictionary<string, Score> Scores)
{
    /// <summary>The model alone on the test split.</summary>
    public const string Alone = "model";

    /// <summary>The rules alone on the test split, as they stood at training time.</summary>
    public const string Rules = "rules";

    /// <summary>Rules and model together on the test split (<see cref="Combining.CombinedEvaluation"/>), at training time.</summary>
    public const string Combined = "rules_and_model";

    /// <summary>Pooled cross-validation on the train split (the page classifier).</summary>
    public const string CrossValidated = "cross_validated";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
    };

    /// <summary>The file that holds a model's scores: "metric-classifier.zip" → "metric-classifier.json".</summary>
    public static string FileFor(string zip) => Path.ChangeExtension(zip, ".json");

    public Score this[string name] => Scores.TryGetValue(name, out var s) ? s : throw new KeyNotFoundException($"{Model}: no '{name}' score in its card");

    public string ToJson() => JsonSerializer.Serialize(this, Json).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    public static ModelScores FromJson(string json) =>
        JsonSerializer.Deserialize<ModelScores>(json, Json) ?? throw new FormatException("empty model scores");

    /// <summary>The SHA-256 of a file, lower-case hex.</summary>
    public static string HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
