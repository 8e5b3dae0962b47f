using System.Text.RegularExpressions;
using MentorBot.Host;
using MentorBot.Host.Console;
using MentorBot.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Dashboard.Tests.Support;

/// <summary>
/// The real host (<see cref="BotApplication.Build"/>) in console mode on a free loopback port, with its console typed
/// into by the test and its clock a <see cref="FakeTimeProvider"/>. The console's <c>/dashboard</c> links to this host.
/// </summary>
internal sealed partial class DashboardHost : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder;
    private readonly LineFeedReader _input;
    private readonly ReplyWriter _output;
    private readonly Task _run;

    private DashboardHost(WebApplication app, TempFolder folder, LineFeedReader input, ReplyWriter output, FakeTimeProvider time, Task run)
    {
        App = app;
        _folder = folder;
        _input = input;
        _output = output;
        Time = time;
        _run = run;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    public Uri BaseAddress { get; }

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <param name="extra">Settings over the defaults (a PostgreSQL database, a listed proxy).</param>
    /// <param name="services">Registrations after the host's own, before the fake clock replaces the real one.</param>
    public static async Task<DashboardHost> StartAsync(IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var folder = new TempFolder();
        var input = new LineFeedReader();
        var output = new ReplyWriter();
        var time = new FakeTimeProvider(Start);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = folder.DatabasePath,
            ["Knowledge:Path"] = TestPaths.BesideApp,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Console:DisplayName"] = "Mod <b>Ada</b>",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        var app = BotApplication.Build(
            ["--urls", "http://127.0.0.1:0"],
            new ConsoleStreams(input, output),
            cfg => cfg.AddInMemoryCollection(settings),
            registrations =>
            {
                services?.Invoke(registrations);
                registrations.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
            });

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => started.TrySetResult());
        var run = app.RunAsync();
        await Task.WhenAny(started.Task, run).WaitAsync(Timeout);
        if (run.IsCompleted)
        {
            await run;
            throw new InvalidOperationException("The host stopped while starting.");
        }
        return new DashboardHost(app, folder, input, output, time, run);
    }

    /// <summary>Types one line on the console and returns the reply.</summary>
    public async Task<string> SendAsync(string line)
    {
        _input.Send(line);
        return await _output.NextReplyAsync(Timeout);
    }

    /// <summary>The next thing the console printed that was not a reply to a typed line (an announcement).</summary>
    public Task<string> NextConsoleMessageAsync() => _output.NextReplyAsync(Timeout);

    /// <summary>Runs <c>/dashboard</c> on the console and returns the sign-in link it printed.</summary>
    public async Task<Uri> SignInLinkAsync()
    {
        var reply = await SendAsync("/dashboard");
        var match = LinkPattern().Match(reply);
        Assert.True(match.Success, "no sign-in link in: " + reply);
        return new Uri(match.Value);
    }

    /// <summary>A browser-like client of this host: its own cookies, no automatic redirects.</summary>
    public DashboardClient Client() => new(BaseAddress);

    public async ValueTask DisposeAsync()
    {
        _input.Complete();
        await _run.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            if (!_run.IsCompleted)
                await App.StopAsync().WaitAsync(Timeout);
            await _run.WaitAsync(Timeout);
        }
        finally
        {
            _input.Dispose();
            _output.Dispose();
            _folder.Dispose();
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/dashboard/signin\?token=\S+")]
    private static partial Regex LinkPattern();
}
