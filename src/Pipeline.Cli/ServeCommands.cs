using System.Net;
using Pipeline.Web;

namespace Pipeline.Cli;

/// <summary>`pipeline serve`: the web interface over the store and index, on loopback unless --urls says otherwise.</summary>
public static class ServeCommands
{
    public static async Task<int> Serve(string database, string index, string urls, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var address in addresses)
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/" || uri.Query.Length > 0)
            {
                stderr.WriteLine($"pipeline: --urls: '{address}' is not an address to listen on, such as {WebOptions.DefaultUrls}");
                return ExitCodes.Usage;
            }

            if (!IsLoopback(uri.Host))
            {
                stderr.WriteLine($"pipeline: warning: {address} is reachable from other machines; anyone who can reach it can read the store");
            }
        }

        await using var server = WebServer.Create(new WebOptions(database, index, string.Join(';', addresses)));
        try
        {
            await server.StartAsync(cancel).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            stderr.WriteLine($"pipeline: cannot listen on {urls}: {e.Message.Split('\n')[0]}");
            return ExitCodes.Busy;
        }

        if (!File.Exists(database))
        {
            stderr.WriteLine($"pipeline: {database} does not exist yet; the pages say how to fill it (`pipeline run`)");
        }

        stdout.WriteLine($"Pipeline web interface on {string.Join(", ", server.Addresses)} (store {database}, index {index}); Ctrl-C stops it.");
        await server.RunAsync(cancel).ConfigureAwait(false);
        stdout.WriteLine("stopped");
        return ExitCodes.Ok;
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
