using System.IO.Compression;
using Microsoft.ML;

namespace Pipeline.Learning;

/// <summary>Writes a trained model so that the same training gives the same bytes.</summary>
public static class ModelFiles
{
    // ML.NET stamps each zip entry with the time of saving; a fixed stamp makes the file a function of the model alone.
    private static readonly DateTimeOffset Stamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Saves the model as ML.NET does, then rewrites the zip with every entry stamped <see cref="Stamp"/>, in the same
    /// order. Retraining unchanged data and code then leaves the file (and the version stamped on stored documents,
    /// which follows the embedded bytes) unchanged, and `git status` shows a model only when it really changed.
    /// </summary>
    public static void Save(MLContext ml, ITransformer model, DataViewSchema schema, string path)
    {
        using var saved = new MemoryStream();
        ml.Model.Save(model, schema, saved);
        saved.Position = 0;
        using var source = new ZipArchive(saved, ZipArchiveMode.Read);
        using var file = File.Create(path);
        using var target = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = Stamp;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}
