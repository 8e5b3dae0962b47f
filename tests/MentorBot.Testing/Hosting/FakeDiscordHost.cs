using MentorBot.Testing.Discord;

namespace MentorBot.Testing.Hosting;

/// <summary>What the tests and benchmarks that run whole hosts against the fake Discord share: the settings and the waits.</summary>
public static class FakeDiscordHost
{
    /// <summary>RFC 8032 test-1 public key; these hosts receive no interactions, so any valid key serves.</summary>
    public const string PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    /// <summary>
    /// Discord in Http mode against <paramref name="discord"/>: outbound REST with the bot token, no Gateway, commands
    /// registered with the fake; no console, quiet logs. Callers add storage and their own keys.
    /// </summary>
    public static Dictionary<string, string?> HttpSettings(FakeDiscord discord) => new()
    {
        ["Console:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Discord:Mode"] = "Http",
        ["Discord:PublicKey"] = PublicKey,
        ["Discord:BotToken"] = FakeDiscord.BotToken,
        ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
        ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
    };

    /// <summary><see cref="HttpSettings"/> with storage in the PostgreSQL database of <paramref name="connectionString"/>.</summary>
    public static Dictionary<string, string?> HttpSettingsOnPostgres(FakeDiscord discord, string connectionString)
    {
        var settings = HttpSettings(discord);
        settings["Storage:Provider"] = "Postgres";
        settings["Storage:ConnectionString"] = connectionString;
        return settings;
    }

    /// <summary>The same settings as environment variables for a host process (<c>Section__Key</c>).</summary>
    public static Dictionary<string, string> AsEnvironment(Dictionary<string, string?> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");

    /// <summary>Polls until <paramref name="condition"/> holds; generous, as thousands of deliveries on a loaded two-core machine can take minutes.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, HostProcess host)
    {
        try
        {
            await Wait.UntilAsync(condition, what, (int)TimeSpan.FromMinutes(5).TotalMilliseconds);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}. Host output:\n{host.Output}", ex);
        }
    }

    /// <summary>
    /// Waits until the fake has received no request for <paramref name="quiet"/>: anything still in flight (a duplicate
    /// would be) has then arrived.
    /// </summary>
    public static async Task QuietAsync(FakeDiscord discord, TimeSpan quiet, HostProcess host)
    {
        var count = discord.Requests.Count;
        var since = Environment.TickCount64;
        var deadline = since + (long)TimeSpan.FromMinutes(2).TotalMilliseconds;
        while (Environment.TickCount64 - since < quiet.TotalMilliseconds)
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException("The host kept sending after every learner had a message. Host output:\n" + host.Output);
            await Task.Delay(200);
            var now = discord.Requests.Count;
            if (now != count)
            {
                count = now;
                since = Environment.TickCount64;
            }
        }
    }
}
