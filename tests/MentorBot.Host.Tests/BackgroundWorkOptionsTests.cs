using MentorBot.Host.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Tests;

/// <summary><c>BackgroundWork:*</c> is validated at start like every other section.</summary>
public sealed class BackgroundWorkOptionsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("BackgroundWork:Capacity", "0", "BackgroundWork:Capacity must be between 1 and 1000000.")]
    [InlineData("BackgroundWork:MaxConcurrency", "0", "BackgroundWork:MaxConcurrency must be between 1 and 1024.")]
    [InlineData("BackgroundWork:MaxConcurrency", "many", "'BackgroundWork'")]
    public async Task A_bad_setting_stops_the_host_with_a_line_naming_it_before_storage_is_opened(string key, string value, string expected)
    {
        await using var app = BotApplication.Build(
            ["--urls", "http://127.0.0.1:0"],
            configure: c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = _temp.DatabasePath,
                ["Console:Enabled"] = "false",
                [key] = value,
            }));

        var problem = StartupCheck.Run(app.Services);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.DatabasePath));
    }
}
