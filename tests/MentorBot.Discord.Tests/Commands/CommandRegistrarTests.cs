using MentorBot.Discord.Commands;
using MentorBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace MentorBot.Discord.Tests.Commands;

public sealed class CommandRegistrarTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;
    private HttpClient _http = null!;
    private HostHarness _core = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _http = new HttpClient();
        _core = HostHarness.BuildOnly();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _core.Dispose();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task Without_a_bot_token_registration_is_skipped_with_a_log_line()
    {
        var (registrar, log) = Registrar(new DiscordOptions { Mode = DiscordMode.Http, ApplicationId = FakeDiscord.ApplicationId, ApiBaseUrl = _discord.ApiBaseUrl });

        await registrar.RegisterAsync(CancellationToken.None);

        Assert.Empty(_discord.Requests);
        Assert.Contains(log.Lines, l => l.Message.Contains("registration skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Guild_registration_uses_the_guild_route()
    {
        var (registrar, _) = Registrar(Options("987654321098765432"));

        await registrar.RegisterAsync(CancellationToken.None);

        var put = Assert.Single(_discord.Requests, r => r.Method == "PUT");
        Assert.Equal($"/api/v10/applications/{FakeDiscord.ApplicationId}/guilds/987654321098765432/commands", put.Path);
    }

    [Fact]
    public async Task Rejected_token_is_logged_naming_the_key_and_does_not_throw()
    {
        var options = Options(null);
        options.BotToken = "wrong";
        var (registrar, log) = Registrar(options);

        await registrar.RegisterAsync(CancellationToken.None);

        Assert.Contains(log.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("Discord:BotToken", StringComparison.Ordinal));
        Assert.Equal(0, _discord.CommandOverwrites);
    }

    [Fact]
    public async Task Changed_set_is_overwritten()
    {
        _discord.SetCommands("""[{"name":"faq","description":"old","type":1}]""");
        var (registrar, log) = Registrar(Options(null));

        await registrar.RegisterAsync(CancellationToken.None);

        Assert.Equal(1, _discord.CommandOverwrites);
        Assert.Contains(log.Lines, l => l.Message.StartsWith("Registered", StringComparison.Ordinal));
    }

    private DiscordOptions Options(string? guild) => new()
    {
        ApplicationId = FakeDiscord.ApplicationId,
        ApiBaseUrl = _discord.ApiBaseUrl,
        BotToken = FakeDiscord.BotToken,
        GuildId = guild,
    };

    private (CommandRegistrar Registrar, ListLogger<CommandRegistrar> Log) Registrar(DiscordOptions options)
    {
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var rest = FakeDiscordClients.Rest(_http, wrapped);
        var log = new ListLogger<CommandRegistrar>();
        return (new CommandRegistrar(_core.Dispatcher, rest, wrapped, TimeProvider.System, log), log);
    }
}
