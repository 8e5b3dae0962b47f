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

    /// <summary>
    /// Like <c>printf 'LINES' | MentorBot.Host</c>: the whole input is there, already closed, before the host starts;
    /// runs the host to its end and returns everything it printed.
    /// </summary>
    public static async Task<string> RunToEndAsync(string databasePath, params string[] lines)
    {
        using var input = new LineFeedReader();
        using var output = new ReplyWriter();
        foreach (var line in lines)
            input.Send(line);
        input.Complete();
        var app = Build(databasePath, input, output, null);
        await app.RunAsync().WaitAsync(Timeout);
        return output.Transcript.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Builds the host on <paramref name="databasePath"/>, starts it and waits until it reports it started.</summary>
    public static async Task<ConsoleHost> StartAsync(string databasePath, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var input = new LineFeedReader();
        var output = new ReplyWriter();
        var app = Build(databasePath, input, output, extra);

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

    private static WebApplication Build(string databasePath, LineFeedReader input, ReplyWriter output, IReadOnlyDictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = databasePath,
            ["Knowledge:Path"] = TestPaths.BesideApp,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;

        return BotApplication.Build(
            ["--urls", "http://127.0.0.1:0"],
            new ConsoleStreams(input, output),
            cfg => cfg.AddInMemoryCollection(settings));
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
        // A grace period for the host to stop by itself; stopped below if it has not (its failure is _run's to report).
        await _run.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
