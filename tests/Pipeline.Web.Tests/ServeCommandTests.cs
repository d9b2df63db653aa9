using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pipeline.Web.Tests;

/// <summary>`pipeline serve` as a user runs it: it says where to open it, serves, and Ctrl-C stops it cleanly.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task ServeListensOnLoopbackAndCtrlCStopsItCleanly()
    {
        var port = FreePort();
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-serve-" + Guid.NewGuid().ToString("N")[..8]);
        using var process = BuiltCli.Start(["serve", "--db", Path.Combine(folder, "pipeline.db"), "--index", Path.Combine(folder, "index"), "--urls", $"http://127.0.0.1:{port}"]);
        var errors = process.StandardError.ReadToEndAsync();
        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Contains($"http://127.0.0.1:{port}", first);
        Assert.Contains("Ctrl-C", first);

        using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") })
        {
            var html = await http.GetStringAsync("/");
            Assert.Contains("pipeline run", html); // an empty store's page says how to fill it
        }

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var rest = await process.StandardOutput.ReadToEndAsync();
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {rest}{await errors}");
        Assert.Contains("stopped", rest);
        Assert.False(Directory.Exists(folder)); // serving never creates the store
    }

    [Fact]
    public async Task AnAddressThatIsNotOneIsAUsageError()
    {
        var run = await BuiltCli.RunAsync(["serve", "--urls", "ftp://127.0.0.1:21"]);
        Assert.Equal(2, run.Code);
        Assert.Contains("--urls", run.Errors);
    }

    [Fact]
    public async Task APortInUseIsOneClearLine()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var run = await BuiltCli.RunAsync(["serve", "--db", "/nonexistent/p.db", "--urls", $"http://127.0.0.1:{port}"]);
        Assert.Equal(6, run.Code);
        Assert.Contains("cannot listen", run.Errors);
        Assert.DoesNotContain("   at ", run.Errors);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
