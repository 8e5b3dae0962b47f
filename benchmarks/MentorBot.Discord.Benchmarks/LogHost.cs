using MentorBot.Core.Faq.QuestionLog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Discord.Benchmarks;

/// <summary>
/// One side of the question log comparison: a started host, its own HTTP client and its own position in the shared
/// list of signed bodies, so both sides send the same requests in the same order.
/// </summary>
internal sealed class LogHost : IAsyncDisposable
{
    private int _next = -1;

    private LogHost(WebApplication app, string name, HttpClient http)
    {
        App = app;
        Name = name;
        Http = http;
        Log = app.Services.GetRequiredService<FaqQuestionLog>();
        Store = app.Services.GetRequiredService<IQuestionLog>();
    }

    public WebApplication App { get; }

    public string Name { get; }

    public HttpClient Http { get; }

    public FaqQuestionLog Log { get; }

    public IQuestionLog Store { get; }

    /// <summary>Requests sent by the measured windows.</summary>
    public int Requests { get; set; }

    /// <summary>How many bodies this side has taken so far.</summary>
    public int Next => Volatile.Read(ref _next) + 1;

    public int Take() => Interlocked.Increment(ref _next);

    public static async Task<LogHost> StartAsync(WebApplication app, string name, int concurrency)
    {
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LogHost(app, name, new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(address) });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
