using System.Diagnostics;
using Microsoft.Playwright;

namespace Pipeline.Web.Tests;

/// <summary>
/// Chromium from the operating system's packages, driven by Playwright (its own browser download cannot
/// work offline). When /usr/bin/chromium is missing and the tests run as root, it is installed with apt-get,
/// as .ci/run does; otherwise the browser tests fail saying how to install it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: TestResults/screenshots under the repository.</summary>
    public static string Screenshots { get; } = Repo.Path("TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        var chromium = Locate() ?? Install() ?? throw new InvalidOperationException(
            "Chromium is not installed: run `apt-get install chromium` (as root), or run .ci/run, which installs it");
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh page (its own context: no cookies or history shared between tests) that fails the test on a script error or a CSP violation.</summary>
    public async Task<(IPage Page, List<string> Problems)> NewPageAsync(string baseUrl)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.Dialog += async (_, dialog) =>
        {
            problems.Add($"dialog: {dialog.Message}");
            await dialog.DismissAsync();
        };
        return (page, problems);
    }

    /// <summary>Saves a full-page screenshot as TestResults/screenshots/NAME.png.</summary>
    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private static string? Locate() =>
        new[] { Environment.GetEnvironmentVariable("PIPELINE_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    private static string? Install()
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            return null;
        }

        foreach (var args in new[] { "update -qq", "install -y -qq chromium" })
        {
            using var apt = Process.Start(new ProcessStartInfo("/usr/bin/apt-get", args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            apt.StandardOutput.ReadToEnd();
            apt.StandardError.ReadToEnd();
            apt.WaitForExit();
        }

        return Locate();
    }
}
