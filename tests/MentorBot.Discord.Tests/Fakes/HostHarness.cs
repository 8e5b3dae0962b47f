using MentorBot.Core.Commands;
using MentorBot.Host;
using MentorBot.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Discord.Tests.Fakes;

/// <summary>The whole MentorBot host on loopback with a temporary LiteDB file and the repository's knowledge folder.</summary>
public sealed class HostHarness : IAsyncDisposable, IDisposable
{
    private readonly string _directory;

    private HostHarness(WebApplication app, string directory)
    {
        App = app;
        _directory = directory;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public ICommandDispatcher Dispatcher => Services.GetRequiredService<ICommandDispatcher>();

    public Uri BaseAddress => LoopbackApp.AddressOf(App);

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MentorBot.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    public static HostHarness BuildOnly(IDictionary<string, string?>? settings = null) => Build(settings);

    public static async Task<HostHarness> StartAsync(IDictionary<string, string?> settings)
    {
        var harness = Build(settings);
        await harness.App.StartAsync();
        return harness;
    }

    private static HostHarness Build(IDictionary<string, string?>? settings)
    {
        var directory = Path.Combine(Path.GetTempPath(), "mentorbot-discord-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var config = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(directory, "bot.db"),
            ["Knowledge:Path"] = Path.Combine(RepositoryRoot(), "knowledge"),
            ["Console:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            config[key] = value;
        var app = BotApplication.Build(["--urls", "http://127.0.0.1:0"], configure: cfg => cfg.AddInMemoryCollection(config));
        return new HostHarness(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync();
        }
        catch (OperationCanceledException)
        {
        }
        await App.DisposeAsync();
        TryDelete();
    }

    public void Dispose()
    {
        ((IDisposable)App).Dispose();
        TryDelete();
    }

    private void TryDelete()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
