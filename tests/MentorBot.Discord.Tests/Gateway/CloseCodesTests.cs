using MentorBot.Discord.Gateway;

namespace MentorBot.Discord.Tests.Gateway;

public sealed class CloseCodesTests
{
    [Theory]
    [InlineData(null, CloseAction.Resume)]
    [InlineData(1000, CloseAction.Resume)]
    [InlineData(1006, CloseAction.Resume)]
    [InlineData(4000, CloseAction.Resume)]
    [InlineData(4001, CloseAction.Resume)]
    [InlineData(4002, CloseAction.Resume)]
    [InlineData(4003, CloseAction.Resume)]
    [InlineData(4004, CloseAction.Fatal)]
    [InlineData(4005, CloseAction.Resume)]
    [InlineData(4007, CloseAction.Reidentify)]
    [InlineData(4008, CloseAction.Resume)]
    [InlineData(4009, CloseAction.Reidentify)]
    [InlineData(4010, CloseAction.Fatal)]
    [InlineData(4011, CloseAction.Fatal)]
    [InlineData(4012, CloseAction.Fatal)]
    [InlineData(4013, CloseAction.Fatal)]
    [InlineData(4014, CloseAction.Fatal)]
    public void Classifies_close_codes_as_the_docs_table_says(int? code, CloseAction expected)
    {
        Assert.Equal(expected, CloseCodes.Classify(code));
    }

    [Fact]
    public void Authentication_failure_names_the_configuration_key()
    {
        Assert.Contains("Discord:BotToken", CloseCodes.Explain(4004), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 0.0, 0)]
    [InlineData(1, 0.5, 250)]
    [InlineData(3, 0.5, 1000)]
    [InlineData(20, 0.5, 30_000)]
    [InlineData(20, 0.99, 59_400)]
    public void Reconnect_backoff_is_fully_jittered_from_half_a_second_and_capped_at_a_minute(int failures, double jitter, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), GatewayClient.Reconnect.Delay(failures, new MentorBot.Testing.Time.FixedJitter(jitter)));
}
