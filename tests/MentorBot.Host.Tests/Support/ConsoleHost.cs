using MentorBot.Host.Console;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Host.Tests.Support;

/// <summary>
/// The real host, built by <see cref="BotApplication.Build"/>, running in-process on a loopback port chosen by the OS,
/// with the console adapter reading from a <see cref="LineFeedReader"/> and replying into a <see cref="ReplyWriter"/>.
/// </summary>
internal sealed class ConsoleHost : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly Task _run;

    private ConsoleHost(WebApplication app, LineFeedReader input, ReplyWriter output, Task run)
    {
        App = app;
        Input = input;
        Output = output;
        _run = run;
    }

    public WebApplication App { get; }

    public LineFeedReader Input { get; }

    public ReplyWriter Output { get; }

    /// <summary>The task of <c>app.RunAsync()</c>; it completes when the host has stopped (and disposed itself).</summary>
    public Task Run => _run;

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Builds the host on <paramref name="databasePath"/>, starts it and waits until it reports it started.</summary>
    public static async Task<ConsoleHost> StartAsync(string databasePath, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = databasePath,
            ["Knowledge:Path"] = TestPaths.BesideApp,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;

        var input = new LineFeedReader();
        var output = new ReplyWriter();
        var app = BotApplication.Build(
            ["--urls", "http://127.0.0.1:0"],
            new ConsoleStreams(input, output),
            cfg => cfg.AddInMemoryCollection(settings));

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => started.TrySetResult());
        var run = app.RunAsync();
        await Task.WhenAny(started.Task, run).WaitAsync(Timeout);
        if (run.IsCompleted)
        {
            await run; // surfaces a start-up failure
            throw new InvalidOperationException("The host stopped while starting.");
        }

        return new ConsoleHost(app, input, output, run);
    }

    /// <summary>Types one line and returns the reply the adapter printed for it.</summary>
    public async Task<string> SendAsync(string line)
    {
        Input.Send(line);
        return await Output.NextReplyAsync(Timeout);
    }

    /// <summary>Closes the console input and waits for the host to stop by itself.</summary>
    public Task EndInputAsync(TimeSpan within)
    {
        Input.Complete();
        return _run.WaitAsync(within);
    }

    public async ValueTask DisposeAsync()
    {
        Input.Complete();
        await Task.WhenAny(_run, Task.Delay(TimeSpan.FromSeconds(5)));
        try
        {
            if (!_run.IsCompleted)
                await App.StopAsync().WaitAsync(Timeout);
            await _run.WaitAsync(Timeout);
        }
        finally
        {
            Input.Dispose();
            Output.Dispose();
        }
    }
}
