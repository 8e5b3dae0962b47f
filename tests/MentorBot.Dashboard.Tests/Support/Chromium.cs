using OpenQA.Selenium.Chrome;

namespace MentorBot.Dashboard.Tests.Support;

/// <summary>
/// Debian's <c>chromium</c> and <c>chromium-driver</c> (<c>.ci/run</c> installs them), driven headless through
/// Selenium. Nothing is downloaded: the browser and the driver are found on PATH or not at all.
/// </summary>
internal static class Chromium
{
    public static string? Browser { get; } = Find("chromium", "chromium-browser", "google-chrome");

    public static string? Driver { get; } = Find("chromedriver");

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? Missing =>
        Browser is null ? "no chromium on PATH (apt-get install chromium chromium-driver)"
        : Driver is null ? "no chromedriver on PATH (apt-get install chromium-driver)"
        : null;

    public static ChromeDriver Start()
    {
        // Selenium Manager would otherwise try to fetch a driver or a browser from the network.
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver)!);
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US");
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        // An element looked for right after a click may belong to the page still loading; wait for it to appear.
        driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(20);
        return driver;
    }

    private static string? Find(params string[] names)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in names)
        {
            foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }
}
