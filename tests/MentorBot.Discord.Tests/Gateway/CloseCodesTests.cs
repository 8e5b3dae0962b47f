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

    [Fact]
    public void Backoff_is_jittered_and_capped()
    {
        var delays = Enumerable.Range(0, 200).Select(_ => GatewayClient.Backoff(20)).ToList();
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(60)));
        Assert.True(delays.Distinct().Count() > 100);
    }
}
