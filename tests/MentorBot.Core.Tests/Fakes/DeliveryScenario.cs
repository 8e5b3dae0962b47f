using System.Globalization;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Learners;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Tests.Fakes;

/// <summary>Helpers to subscribe learners straight into a <see cref="BotHarness"/> and let simulated time run.</summary>
internal static class DeliveryScenario
{
    public static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static async Task<LearnerId> SubscribeAsync(this BotHarness bot, string user, DayOfWeek day, string time, string zone, int currentWeek = 1)
    {
        var id = new LearnerId(BotHarness.Community.Platform, user);
        var now = bot.Time.GetUtcNow();
        await bot.Learners.UpsertAsync(new LearnerProfile(id, user, zone, currentWeek, [BotHarness.Community], now));
        await bot.Subscriptions.UpsertAsync(new Subscription(id, BotHarness.Community, day, TimeOnly.Parse(time, CultureInfo.InvariantCulture), zone, null, now));
        return id;
    }

    /// <summary>Runs the engine once now and then after every <paramref name="step"/> until <paramref name="span"/> has passed.</summary>
    public static async Task RunForAsync(this BotHarness bot, TimeSpan span, TimeSpan step, DeliveryEngine? engine = null)
    {
        engine ??= bot.Engine;
        var end = bot.Time.GetUtcNow() + span;
        await engine.RunOnceAsync(CancellationToken.None);
        while (bot.Time.GetUtcNow() < end)
        {
            bot.Time.Advance(step);
            await engine.RunOnceAsync(CancellationToken.None);
        }
    }
}
