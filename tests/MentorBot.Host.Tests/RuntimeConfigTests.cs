using System.Text.Json;
using MentorBot.Host.Tests.Support;

namespace MentorBot.Host.Tests;

/// <summary>Runtime settings the built host ships with in its runtimeconfig.json.</summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void Idle_thread_pool_workers_sleep_instead_of_spinning()
    {
        var path = Path.ChangeExtension(TestPaths.HostDll, ".runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", out var spin), $"{path} sets no spin limit");
        Assert.Equal(0, spin.GetInt32());
    }
}
