using MentorBot.Discord.Tests.Fakes;
using MentorBot.Testing.Discord;

namespace MentorBot.Discord.Tests.EndToEnd;

/// <summary>
/// The whole host in Discord's Http mode on a real LiteDB file, with a signer whose key it trusts, the fake Discord
/// for its REST calls, and an HTTP client for its interactions endpoint: what every end-to-end interaction test starts.
/// </summary>
public abstract class HttpModeHost : IAsyncLifetime
{
    protected InteractionSigner Signer { get; } = InteractionSigner.Random();

    protected FakeDiscord Discord { get; private set; } = null!;

    protected HostHarness Host { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Discord = await FakeDiscord.StartAsync();
        Host = await HostHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Http",
            ["Discord:PublicKey"] = Signer.PublicKeyHex,
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:ApiBaseUrl"] = Discord.ApiBaseUrl,
        });
        Http = new HttpClient { BaseAddress = Host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Discord.DisposeAsync();
        Signer.Dispose();
    }
}
