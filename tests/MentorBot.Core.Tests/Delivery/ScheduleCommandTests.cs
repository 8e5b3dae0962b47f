using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Storage;
using MentorBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static MentorBot.Core.Tests.Fakes.DeliveryScenario;
using MentorBot.Core.Challenges;
using MentorBot.Core.Learners;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Tests.Delivery;

public sealed class ScheduleCommandTests : IDisposable
{
    private readonly BotHarness _bot = new(Utc("2026-11-23T06:00Z")); // Monday

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("preview")]
    [InlineData("log")]
    public async Task Only_moderators_may_look(string subcommand)
    {
        var reply = await _bot.RunAsync("schedule", BotHarness.Alice, subcommand);

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Contains("Only moderators", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_lists_who_when_in_utc_and_local_time_which_week_and_counts_per_hour()
    {
        await _bot.SubscribeAsync("berlin", DayOfWeek.Monday, "09:00", "Europe/Berlin", currentWeek: 2);
        await _bot.SubscribeAsync("kolkata", DayOfWeek.Monday, "13:30", "Asia/Kolkata");
        await _bot.SubscribeAsync("london", DayOfWeek.Monday, "08:15", "Europe/London");
        await _bot.SubscribeAsync("sydney", DayOfWeek.Friday, "09:00", "Australia/Sydney");

        var reply = await _bot.SendAsync("/schedule preview", BotHarness.Mod);

        var lines = reply.Text.Split('\n');
        Assert.Equal("- **berlin** — Mon 2026-11-23 08:00 UTC (Mon 09:00 Europe/Berlin) · week 2", lines[0]);
        Assert.Equal("- **kolkata** — Mon 2026-11-23 08:00 UTC (Mon 13:30 Asia/Kolkata) · week 1", lines[1]);
        Assert.Equal("- **london** — Mon 2026-11-23 08:15 UTC (Mon 08:15 Europe/London) · week 1", lines[2]);
        Assert.Equal("- **sydney** — Thu 2026-11-26 22:00 UTC (Fri 09:00 Australia/Sydney) · week 1", lines[3]);
        Assert.Contains("**Next 24 hours, per hour (UTC):**\n- Mon 08:00 — 3", reply.Text, StringComparison.Ordinal);
        Assert.Equal("4 subscribed learners; 4 deliveries in the next 7 days.", reply.Footer);
        Assert.Equal(ReplyVisibility.OnlyYou, reply.Visibility);
    }

    [Fact]
    public async Task Preview_without_subscriptions_says_so()
    {
        var reply = await _bot.SendAsync("/schedule preview", BotHarness.Mod);

        Assert.Contains("Nothing is due in the next 7 days", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_shows_the_latest_deliveries_with_their_outcome()
    {
        await _bot.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC");
        await _bot.SubscribeAsync("bob", DayOfWeek.Monday, "10:00", "UTC");
        await _bot.SubscribeAsync("carol", DayOfWeek.Monday, "11:00", "UTC");
        _bot.Messenger.Script = (learner, _) => learner.UserId switch
        {
            "bob" => DeliveryOutcome.Undeliverable("DMs closed"),
            "carol" => DeliveryOutcome.RetryLater("429"),
            _ => DeliveryOutcome.Delivered,
        };
        await _bot.RunForAsync(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1));

        var reply = await _bot.SendAsync("/schedule log", BotHarness.Mod);

        var lines = reply.Text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("- **carol** · 2026-W48 · week 1 · pending, ", lines[0], StringComparison.Ordinal);
        Assert.Contains("(429)", lines[0], StringComparison.Ordinal);
        Assert.Equal("- **bob** · 2026-W48 · week 1 · undeliverable (DMs closed)", lines[1]);
        Assert.Equal("- **alice** · 2026-W48 · week 1 · sent 2026-11-23 09:00", lines[2]);
    }

    [Fact]
    public async Task Log_is_empty_before_anything_went_out()
    {
        var reply = await _bot.SendAsync("/schedule log", BotHarness.Mod);

        Assert.Contains("No weekly deliveries yet", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Core_without_the_delivery_engine_still_starts_and_says_schedule_is_off()
    {
        var services = new ServiceCollection()
            .AddSingleton<ILearnerStore>(new InMemoryLearnerStore())
            .AddSingleton<IActivityStore>(new InMemoryActivityStore())
            .AddSingleton<IChallengeStore>(new InMemoryChallengeStore())
            .AddSingleton<ISubscriptionStore>(new InMemorySubscriptionStore())
            .AddSingleton<IKnowledgeProvider>(new Fakes.SwappableKnowledgeProvider(SampleKnowledge.Base))
            .AddSingleton<IFaqService>(new StubFaqService())
            .AddSingleton<Core.Privacy.ILearnerDataStore>(new InMemoryLearnerDataStore(new(), new(), new(), new(), new(), new()))
            .AddSingleton<Core.Privacy.IForgetRequests>(new Core.Privacy.InMemoryForgetRequests())
            .AddMentorBotCore();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var dispatcher = provider.GetRequiredService<ICommandDispatcher>();

        var reply = await dispatcher.DispatchAsync(new CommandRequest("schedule", new Dictionary<string, string>(), BotHarness.Mod, BotHarness.Community) { Subcommand = "log" });

        Assert.IsType<CommandDispatcher>(dispatcher);
        Assert.Contains("isn't running", reply.Text, StringComparison.Ordinal);
    }
}
