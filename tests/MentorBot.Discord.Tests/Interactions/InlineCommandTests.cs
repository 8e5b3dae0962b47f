using System.Text.Json;
using MentorBot.Core.Commands;
using MentorBot.Discord.Interactions;
using MentorBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Discord.Tests.Interactions;

/// <summary>
/// Commands that answer from memory run on the request's thread; every other command still runs on the thread pool,
/// so one that blocks synchronously (storage) cannot stop the deferral from going out in time.
/// </summary>
public sealed class InlineCommandTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly HttpClient _http = new();
    private readonly BlockingDispatcher _core = new();
    private readonly InteractionProcessor _processor;

    public InlineCommandTests()
    {
        // Nothing here reaches Discord: only immediate answers and deferrals are produced, no follow-ups are sent.
        var options = Options.Create(new DiscordOptions { ApplicationId = "1", ApiBaseUrl = "http://127.0.0.1:9/api/v10", BotToken = "t" });
        var rest = FakeDiscordClients.Rest(_http, options);
        _processor = new InteractionProcessor(_core, new EmptyFaqService(), rest, options, _time, NullLogger<InteractionProcessor>.Instance);
    }

    public void Dispose()
    {
        _core.Release();
        _http.Dispose();
    }

    [Fact]
    public async Task A_command_that_blocks_synchronously_is_still_deferred_on_time()
    {
        BlockingDispatcher.InsideCaller = true;
        var pending = _processor.ProcessAsync(Command("leaderboard"));
        BlockingDispatcher.InsideCaller = false;
        await Wait.UntilAsync(() => _core.Entered, "dispatch");
        Assert.False(pending.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(2));
        var outcome = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(CallbackType.DeferredChannelMessage, JsonDocument.Parse(outcome.Response).RootElement.GetProperty("type").GetInt32());
        Assert.False(_core.RanInsideCaller);
    }

    [Fact]
    public async Task A_command_that_answers_from_memory_runs_on_the_calling_thread()
    {
        _core.Release();

        // Only a dispatch made inside this synchronous call, on this thread, sees the flag set.
        BlockingDispatcher.InsideCaller = true;
        var pending = _processor.ProcessAsync(Command("faq"));
        BlockingDispatcher.InsideCaller = false;
        var outcome = await pending;

        Assert.True(_core.RanInsideCaller);
        Assert.Equal(CallbackType.ChannelMessage, JsonDocument.Parse(outcome.Response).RootElement.GetProperty("type").GetInt32());
    }

    private static Interaction Command(string name) => new()
    {
        Id = "10",
        ApplicationId = "1",
        Type = InteractionType.ApplicationCommand,
        Token = "tok",
        GuildId = "3",
        Member = new GuildMember { User = new DiscordUser { Id = "2", Username = "u" }, Permissions = "0" },
        Data = new InteractionData { Id = "9", Name = name },
    };

    /// <summary>A core whose handlers block their thread until released, like a synchronous storage call.</summary>
    private sealed class BlockingDispatcher : ICommandDispatcher
    {
        private readonly ManualResetEventSlim _gate = new();

        public IReadOnlyList<CommandDefinition> Commands { get; } =
        [
            new("faq", "answers from memory") { AnswersFromMemory = true },
            new("leaderboard", "reads storage"),
        ];

        private volatile bool _entered;

        public bool Entered => _entered;

        [ThreadStatic]
        public static bool InsideCaller;

        public bool RanInsideCaller { get; private set; }

        public Task<Reply> DispatchAsync(CommandRequest request, CancellationToken cancellationToken = default)
        {
            RanInsideCaller = InsideCaller;
            _entered = true;
            _gate.Wait(TimeSpan.FromSeconds(60), CancellationToken.None);
            return Task.FromResult(new Reply { Text = "done" });
        }

        public void Release() => _gate.Set();
    }
}
