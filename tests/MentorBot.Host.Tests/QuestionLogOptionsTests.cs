using MentorBot.Host.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Tests;

/// <summary><c>Faq:QuestionLog:FlushInterval</c> is validated at start like every other setting.</summary>
public sealed class QuestionLogOptionsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("00:01:00.001")]
    public async Task A_flush_interval_of_zero_or_over_a_minute_stops_the_host_with_a_line_naming_it_before_storage_is_opened(string value)
    {
        await using var app = BotApplication.Build(
            ["--urls", "http://127.0.0.1:0"],
            configure: c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = _temp.DatabasePath,
                ["Console:Enabled"] = "false",
                ["Faq:QuestionLog:FlushInterval"] = value,
            }));

        var problem = StartupCheck.Run(app.Services);

        Assert.NotNull(problem);
        Assert.Contains("Faq:QuestionLog:FlushInterval must be more than zero and at most a minute", problem, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.DatabasePath));
    }

    [Fact]
    public async Task A_flush_interval_within_bounds_passes_the_start_check()
    {
        await using var app = BotApplication.Build(
            ["--urls", "http://127.0.0.1:0"],
            configure: c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = _temp.DatabasePath,
                ["Console:Enabled"] = "false",
                ["Faq:QuestionLog:FlushInterval"] = "00:00:00.250",
            }));

        Assert.Null(StartupCheck.Run(app.Services));
    }
}
