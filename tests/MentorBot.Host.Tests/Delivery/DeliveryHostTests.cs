using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Host.Console;
using MentorBot.Host.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorBot.Host.Tests.Delivery;

public sealed class DeliveryHostTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public async Task Console_messenger_prints_the_weekly_task_under_a_label()
    {
        using var output = new StringWriter();
        var messenger = new ConsoleMessenger(new ConsoleStreams(new StringReader(""), output));
        var reply = new Reply { Title = "Week 1: HTTP basics", Text = "**Goal:** Understand requests", Footer = DeliveryComposer.DoneHint };

        var outcome = await messenger.SendDirectAsync(new LearnerId("console", "local"), reply, new OutboundAttempt("console:local|2026-W48", DateTimeOffset.UnixEpoch, false), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Equal("[weekly task for you]\nWeek 1: HTTP basics\nGoal: Understand requests\n— When you're done, run /task done.\n\n", output.ToString());
    }

    [Fact]
    public async Task Console_messenger_cannot_reach_other_platforms()
    {
        using var output = new StringWriter();
        var messenger = new ConsoleMessenger(new ConsoleStreams(new StringReader(""), output));

        var outcome = await messenger.SendDirectAsync(new LearnerId("discord", "1"), new Reply { Text = "hi" }, new OutboundAttempt("k", DateTimeOffset.UnixEpoch, false), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Undeliverable, outcome.Status);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void Delivery_options_bind_with_defaults_and_register_the_console_messenger()
    {
        var services = new ServiceCollection().AddDelivery(Config(("Delivery:CatchUpWindow", "12:00:00"), ("Console:Enabled", "true")));
        services.AddSingleton(new ConsoleStreams(new StringReader(""), new StringWriter()));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DeliveryOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(30), options.PollInterval);
        Assert.Equal(TimeSpan.FromHours(12), options.CatchUpWindow);
        Assert.IsType<ConsoleMessenger>(Assert.Single(provider.GetServices<IOutboundMessenger>()));
    }

    [Theory]
    [InlineData("Delivery:PollInterval", "00:00:00", "Delivery:PollInterval")]
    [InlineData("Delivery:CatchUpWindow", "-01:00:00", "Delivery:CatchUpWindow")]
    [InlineData("Delivery:MaxRetryDelay", "00:00:01", "Delivery:MaxRetryDelay")]
    [InlineData("Delivery:MaxConcurrentSends", "0", "Delivery:MaxConcurrentSends")]
    [InlineData("Delivery:ClaimLease", "00:00:00", "Delivery:ClaimLease")]
    [InlineData("Delivery:ClaimBatchSize", "0", "Delivery:ClaimBatchSize")]
    [InlineData("Delivery:EnqueueBatchSize", "0", "Delivery:EnqueueBatchSize")]
    [InlineData("Delivery:MarkBatchSize", "0", "Delivery:MarkBatchSize")]
    [InlineData("Delivery:HostId", "   ", "Delivery:HostId")]
    public void Invalid_delivery_options_name_the_key(string key, string value, string expected)
    {
        using var provider = new ServiceCollection().AddDelivery(Config((key, value), ("Console:Enabled", "false"))).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DeliveryOptions>>().Value);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_id_comes_from_configuration_or_is_made_per_process()
    {
        using var configured = new ServiceCollection().AddDelivery(Config(("Delivery:HostId", "host-7"), ("Console:Enabled", "false"))).BuildServiceProvider();
        Assert.Equal("host-7", DeliveryHostId.Resolve(configured.GetRequiredService<IOptions<DeliveryOptions>>().Value));

        var made = DeliveryHostId.Resolve(new DeliveryOptions());
        Assert.StartsWith($"{Environment.MachineName}:{Environment.ProcessId}:", made, StringComparison.Ordinal);
        Assert.NotEqual(made, DeliveryHostId.Resolve(new DeliveryOptions()));
    }
}
