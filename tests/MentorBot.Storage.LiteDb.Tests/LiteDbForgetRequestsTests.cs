using MentorBot.Core.Privacy;
using MentorBot.Storage.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Storage.LiteDb.Tests;

/// <summary>The /forget requests a LiteDB host gets from its storage registration: kept in memory, as the file has one host.</summary>
public sealed class LiteDbForgetRequestsTests : ForgetRequestsContract
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mentorbot-forget-" + Guid.NewGuid().ToString("N") + ".db");
    private ServiceProvider? _services;

    protected override Task<IForgetRequests> CreateAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = _path,
        }).Build();
        _services = new ServiceCollection().AddLiteDbStorage(configuration).BuildServiceProvider();
        return Task.FromResult(_services.GetRequiredService<IForgetRequests>());
    }

    protected override Task<IForgetRequests> OpenAnotherHostAsync() => Task.FromResult(Requests);

    public override async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        File.Delete(_path);
        File.Delete(Path.ChangeExtension(_path, null) + "-log.db");
    }
}
