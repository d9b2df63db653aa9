using Pipeline.Application;

namespace Pipeline.Cli;

/// <summary>The one place a command turns a <see cref="UsageException"/> into "pipeline: MESSAGE" and exit code 2.</summary>
public static class Usage
{
    public static int Handle(TextWriter stderr, Func<int> command)
    {
        try
        {
            return command();
        }
        catch (UsageException e)
        {
            return Fail(stderr, e.Message);
        }
    }

    public static async Task<int> HandleAsync(TextWriter stderr, Func<Task<int>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            return Fail(stderr, e.Message);
        }
    }

    /// <summary>Writes "pipeline: MESSAGE" and returns 2, the exit code of bad usage.</summary>
    public static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"pipeline: {message}");
        return 2;
    }
}
