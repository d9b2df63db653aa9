using System.Diagnostics;
using System.Text;
using Pipeline.Decoding;
using Pipeline.Extraction;
using Pipeline.Processing;

namespace Pipeline.Application;

/// <summary>Something to tell the user about an input: why it failed, or a warning on what was read.</summary>
public sealed record InputNote(string Source, string Message, bool Failed);

/// <summary>One input as read: its document, or why it could not be read or extracted.</summary>
/// <param name="Source">The input as named (a path, or "-" for standard input).</param>
/// <param name="Read">The document, with decoding warnings first among its warnings; null on failure.</param>
/// <param name="Error">Why the input could not be read or extracted; null on success.</param>
public sealed record InputResult(string Source, ReadDocument? Read, string? Error)
{
    public bool Failed => Read is null;

    /// <summary>The error, or each warning of the document, in order.</summary>
    public IEnumerable<InputNote> Notes => Read is null
        ? [new InputNote(Source, Error ?? "could not be read", true)]
        : Read.Document.Warnings.Select(w => new InputNote(Source, w, false));
}

/// <summary>
/// Where the reading of one input stands, for a front end that shows progress on large inputs: first its size
/// (<see cref="Stage"/> null), then each step as it starts, then <see cref="Done"/> with the time it took.
/// </summary>
public sealed record InputProgress(string Source, long Bytes, ReadingStage? Stage, TimeSpan Elapsed, bool Done = false);

/// <summary>The "read one input" use case: a file, standard input or a text, decoded and read into a document with figures, refined and page-classified.</summary>
public static class Inputs
{
    /// <summary>Reads each input in turn; one that cannot be read or extracted gives an error result and the others go on.</summary>
    /// <param name="sources">Paths, or "-" for <paramref name="stdin"/>.</param>
    /// <param name="stdin">Standard input.</param>
    /// <param name="cancel">Stops between inputs.</param>
    /// <param name="progress">Told each input's size and steps (see <see cref="InputProgress"/>).</param>
    public static IEnumerable<InputResult> ReadAll(IEnumerable<string> sources, TextReader stdin, CancellationToken cancel = default, IProgress<InputProgress>? progress = null)
    {
        foreach (var source in sources)
        {
            cancel.ThrowIfCancellationRequested();
            yield return Read(source, stdin, progress);
        }
    }

    /// <summary>
    /// Reads the inputs on up to <paramref name="parallel"/> threads, giving the results in input order: the same
    /// results, in the same order, as <see cref="ReadAll(IEnumerable{string}, TextReader, CancellationToken, IProgress{InputProgress})"/>, which
    /// <paramref name="parallel"/> 1 runs. Standard input is read in its place on the caller's thread, so a second "-"
    /// finds it empty as it would one input at a time.
    /// </summary>
    /// <param name="sources">Paths, or "-" for <paramref name="stdin"/>.</param>
    /// <param name="stdin">Standard input.</param>
    /// <param name="parallel">How many inputs are read at once (1 or more); <see cref="Environment.ProcessorCount"/> uses every core.</param>
    /// <param name="cancel">Stops promptly: no new input is started; inputs being read finish in the background.</param>
    /// <param name="progress">Told each input's size and steps, from the threads reading them (see <see cref="InputProgress"/>).</param>
    public static IEnumerable<InputResult> ReadAll(IEnumerable<string> sources, TextReader stdin, int parallel, CancellationToken cancel = default, IProgress<InputProgress>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        if (parallel == 1)
        {
            return ReadAll(sources, stdin, cancel, progress);
        }

        return InOrder.Run(sources.Select(Work), parallel, cancel);

        Func<InputResult> Work(string source)
        {
            if (source != "-")
            {
                return () => Read(source, stdin, progress);
            }

            var input = InputReader.Read(source, stdin); // now, in order, on the caller's thread
            return () => input.Text is null ? new InputResult(source, null, input.Error) : Text(source, input.Text, input.Warnings, progress);
        }
    }

    /// <summary>Reads one input (a path, or "-" for <paramref name="stdin"/>).</summary>
    public static InputResult Read(string source, TextReader stdin, IProgress<InputProgress>? progress = null)
    {
        var input = InputReader.Read(source, stdin);
        return input.Text is null ? new InputResult(source, null, input.Error) : Text(source, input.Text, input.Warnings, progress);
    }

    /// <summary>Reads bytes as a file's would be read (charset detected, binary refused).</summary>
    public static InputResult Bytes(string source, byte[] bytes)
    {
        var input = InputReader.Decode(source, bytes);
        return input.Text is null ? new InputResult(source, null, input.Error) : Text(source, input.Text, input.Warnings);
    }

    /// <summary>Reads a text or HTML already decoded, with the warnings its decoding gave.</summary>
    public static InputResult Text(string source, string content, IReadOnlyList<string>? warnings = null, IProgress<InputProgress>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var bytes = progress is null ? 0 : Encoding.UTF8.GetByteCount(content);
        progress?.Report(new InputProgress(source, bytes, null, TimeSpan.Zero));
        try
        {
            var stages = progress is null ? null : new StageRelay(stage => progress.Report(new InputProgress(source, bytes, stage, clock.Elapsed)));
            var read = DocumentReader.Read(source, content, stages: stages);
            return new InputResult(source, read with { Document = read.Document with { Warnings = [.. warnings ?? [], .. read.Document.Warnings] } }, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // A bug on one odd document must not lose the others' results.
            return new InputResult(source, null, $"could not be extracted ({e.GetType().Name}: {e.Message})");
        }
        finally
        {
            progress?.Report(new InputProgress(source, bytes, null, clock.Elapsed, Done: true));
        }
    }

    /// <summary>Passes each step on at once, on the reading thread (<see cref="Progress{T}"/> would post it elsewhere, out of order).</summary>
    private sealed class StageRelay(Action<ReadingStage> report) : IProgress<ReadingStage>
    {
        public void Report(ReadingStage value) => report(value);
    }
}
