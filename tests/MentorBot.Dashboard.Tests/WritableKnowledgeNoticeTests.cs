using MentorBot.Dashboard.Tests.Support;
using MentorBot.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorBot.Dashboard.Tests;

/// <summary>
/// A dashboard change written into the knowledge folder reaches only the host that wrote it, so a host on PostgreSQL
/// (the several-hosts mode) with <c>Knowledge:Writable=true</c> says so at start; a LiteDB host, alone by design, does not.
/// </summary>
public sealed class WritableKnowledgeNoticeTests
{
    private const string Notice = "[1671] Knowledge:Writable is true and storage is PostgreSQL";

    private static async Task<string> StartupLogAsync(Dictionary<string, string?> settings)
    {
        var logs = new CapturingLoggerProvider();
        settings["Knowledge:Writable"] = "true";
        // Started means every hosted service's StartAsync has run: what the notice would say is already said.
        await using var host = await DashboardHost.StartAsync(settings, services => services.AddSingleton<ILoggerProvider>(logs));
        return logs.Text;
    }

    [Fact]
    public async Task A_host_on_postgres_that_may_write_knowledge_warns_at_start()
    {
        var log = await StartupLogAsync(SharedDatabase.Settings(await SharedDatabase.CreateAsync()));

        Assert.Contains(Notice, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_litedb_host_that_may_write_knowledge_does_not()
    {
        var log = await StartupLogAsync([]);

        Assert.DoesNotContain("[1671]", log, StringComparison.Ordinal);
    }
}
