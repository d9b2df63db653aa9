using Pipeline.Decoding;

namespace Pipeline.Application;

/// <summary>An extraction of a pasted text or an uploaded file: its result, and the text it read (decoded, for a file), so the same input can be asked for again in another format.</summary>
public sealed record ExtractedInput(InputResult Result, string? Content);

/// <summary>
/// The "extract what a visitor gives" use case of the web: the CLI's reading sequence (<see cref="Inputs"/>) on
/// a text or on a file's bytes, nothing stored, with a size limit and a deadline.
/// </summary>
public static class Extracts
{
    /// <summary>The largest input accepted: 5 MB of bytes (a file) or of UTF-8 (a text).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>A pasted text or HTML, read as `pipeline extract` reads a file holding it.</summary>
    public static Task<ExtractedInput> TextAsync(string source, string content, CancellationToken cancel) =>
        RunAsync(() => new ExtractedInput(Inputs.Text(source, content), content), cancel);

    /// <summary>A file's bytes, decoded (charset detected, binary refused) and read as `pipeline extract` reads the file.</summary>
    public static Task<ExtractedInput> BytesAsync(string source, byte[] bytes, CancellationToken cancel) => RunAsync(
        () =>
        {
            // Inputs.Bytes's sequence, keeping the decoded text for the caller.
            var input = InputReader.Decode(source, bytes);
            return input.Text is null
                ? new ExtractedInput(new InputResult(source, null, input.Error), null)
                : new ExtractedInput(Inputs.Text(source, input.Text, input.Warnings), input.Text);
        },
        cancel);

    /// <summary>
    /// Reads on the thread pool and stops waiting when <paramref name="cancel"/> fires (a request's deadline or its
    /// client leaving). The reading itself has no cancellation points; an abandoned one runs to its end on its own,
    /// which the input limit and the rules' linear time keep short, and the rate limit keeps few.
    /// </summary>
    private static async Task<ExtractedInput> RunAsync(Func<ExtractedInput> read, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        return await Task.Run(read, cancel).WaitAsync(cancel).ConfigureAwait(false);
    }
}
