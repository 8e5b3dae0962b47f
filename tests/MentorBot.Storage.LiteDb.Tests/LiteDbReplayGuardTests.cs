using MentorBot.Core.Storage;
using MentorBot.Storage.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Storage.LiteDb.Tests;

/// <summary>The replay guard a LiteDB host gets from its storage registration: kept in memory, as the file has one host.</summary>
public sealed class LiteDbReplayGuardTests : ReplayGuardContract
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mentorbot-replay-" + Guid.NewGuid().ToString("N") + ".db");
    private ServiceProvider? _services;

    protected override Task<IReplayGuard> CreateGuardAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = _path,
        }).Build();
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Time)
            .AddLiteDbStorage(configuration)
            .BuildServiceProvider();
        return Task.FromResult(_services.GetRequiredService<IReplayGuard>());
    }

    protected override Task<IReplayGuard> OpenAnotherHostAsync() => Task.FromResult(Guard);

    protected override Task<long> HeldAsync() => Task.FromResult((long)((InMemoryReplayGuard)Guard).Count);

    public override async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        File.Delete(_path);
        File.Delete(Path.ChangeExtension(_path, null) + "-log.db");
    }
}
