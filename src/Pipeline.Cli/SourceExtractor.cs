using Pipeline.Extraction;
using Pipeline.Learning.Combining;

namespace Pipeline.Cli;

/// <summary>
/// Reads each input and runs it through the extractor, for every command that takes documents.
/// An input that cannot be read or extracted gets a message and is counted; the others go on.
/// </summary>
public static class SourceExtractor
{
    public static IEnumerable<ExtractResult> ExtractAll(IEnumerable<string> sources, TextReader stdin, TextWriter stderr, Action onFailure)
    {
        foreach (var source in sources)
        {
            var read = InputReader.Read(source, stdin);
            if (read.Text is null)
            {
                stderr.WriteLine($"pipeline: {source}: {read.Error}");
                onFailure();
                continue;
            }

            ExtractResult result;
            try
            {
                var (text, metadata) = DocumentExtractor.Read(read.Text);
                var document = LearnedExtractor.Extract(source, text, metadata);
                result = new ExtractResult(document with { Warnings = [.. read.Warnings, .. document.Warnings] }, text.Clean);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug on one odd document must not lose the others' results.
                stderr.WriteLine($"pipeline: {source}: could not be extracted ({e.GetType().Name}: {e.Message})");
                onFailure();
                continue;
            }

            foreach (var warning in result.Document.Warnings)
            {
                stderr.WriteLine($"pipeline: {source}: {warning}");
            }

            yield return result;
        }
    }
}
