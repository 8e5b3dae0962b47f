using MentorBot.Core.Delivery;
using MentorBot.Core.Tests.Fakes;
using Microsoft.Extensions.Hosting;
using static MentorBot.Core.Tests.Fakes.DeliveryScenario;

namespace MentorBot.Core.Tests.Delivery;

public sealed class DeliveryServiceTests
{
    // Only a guard against a hung test; nothing waits on real time when the code works.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Catches_up_at_start_then_delivers_on_each_tick_of_the_injected_clock()
    {
        using var bot = new BotHarness(Utc("2026-11-23T09:00Z"));
        await bot.SubscribeAsync("due", DayOfWeek.Monday, "09:00", "UTC");
        await bot.SubscribeAsync("soon", DayOfWeek.Monday, "09:01", "UTC");
        var service = Assert.Single(bot.Get<IEnumerable<IHostedService>>().OfType<DeliveryService>());

        await service.StartAsync(CancellationToken.None);
        await bot.Messenger.WaitForMessagesAsync(1).WaitAsync(Guard);
        Assert.Equal(["due"], bot.Messenger.Messages.Select(m => m.Learner.UserId));

        bot.Time.Advance(bot.DeliveryOptions.PollInterval);
        await bot.Messenger.WaitForMessagesAsync(2).WaitAsync(Guard);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(["due", "soon"], bot.Messenger.Messages.Select(m => m.Learner.UserId));
        Assert.Equal(Utc("2026-11-23T09:01Z"), bot.Messenger.Messages[1].At);
    }

    [Fact]
    public async Task A_failing_pass_is_logged_and_the_next_tick_tries_again()
    {
        using var bot = new BotHarness(Utc("2026-11-23T09:00Z"));
        await bot.SubscribeAsync("due", DayOfWeek.Monday, "09:00", "UTC");
        bot.Outbox.CursorFailuresToInject = 1;
        var service = Assert.Single(bot.Get<IEnumerable<IHostedService>>().OfType<DeliveryService>());

        await service.StartAsync(CancellationToken.None);
        bot.Time.Advance(bot.DeliveryOptions.PollInterval);
        await bot.Messenger.WaitForMessagesAsync(1).WaitAsync(Guard);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(0, bot.Outbox.CursorFailuresToInject);
        Assert.Equal(Utc("2026-11-23T09:01Z"), Assert.Single(bot.Messenger.Messages).At);
    }
}
