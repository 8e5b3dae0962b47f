using System.Net;
using System.Xml.Linq;
using MentorBot.Dashboard.Tests.Support;
using MentorBot.Host.Tests.Support;
using MentorBot.Testing.Logging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MentorBot.Dashboard.Tests;

/// <summary>
/// Two whole hosts on one private PostgreSQL database, as behind a load balancer. Each host gets its own local key
/// folder, standing for the per-machine key ring ASP.NET Core keeps by default (hosts in one test process would
/// otherwise share the one in the user's home folder).
/// </summary>
public sealed class SharedKeyRingTests
{
    private static Action<IServiceCollection> OwnMachineKeys(TempFolder folder, CapturingLoggerProvider logs) => services =>
    {
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(folder.Combine("keys")));
        services.AddSingleton<ILoggerProvider>(logs);
    };

    private static Dictionary<string, string?> Settings(string database)
    {
        var settings = SharedDatabase.Settings(database);
        // Everything Data Protection and the host say about keys, at every level, to search for key material.
        settings["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Trace";
        settings["Logging:LogLevel:MentorBot"] = "Trace";
        return settings;
    }

    [Fact]
    public async Task A_form_rendered_by_one_host_is_accepted_by_the_other()
    {
        var database = await SharedDatabase.CreateAsync();
        using var machineA = new TempFolder();
        using var machineB = new TempFolder();
        var logs = new CapturingLoggerProvider();
        await using var a = await DashboardHost.StartAsync(Settings(database), OwnMachineKeys(machineA, logs));
        await using var b = await DashboardHost.StartAsync(Settings(database), OwnMachineKeys(machineB, logs));
        using var browser = a.Client();
        var link = await a.SignInLinkAsync();

        var continuePage = await browser.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, continuePage.Status);
        var signedIn = await browser.PostAsync(
            new Uri(b.BaseAddress, "/dashboard/signin").ToString(), new Dictionary<string, string> { ["token"] = DashboardClient.TokenOf(link) }, continuePage);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Contains("mentorbot_dashboard=", signedIn.Header("Set-Cookie") ?? "", StringComparison.Ordinal);
        // The ring is in the database, not in a machine's folder.
        Assert.False(Directory.Exists(machineA.Combine("keys")) && Directory.EnumerateFiles(machineA.Combine("keys")).Any());
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var keys = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        var stored = new List<string>();
        await using (var reader = await keys.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                stored.Add(reader.GetString(0));
        }
        Assert.NotEmpty(stored);
        Assert.Contains("[1670] Stored Data Protection key key-", logs.Text, StringComparison.Ordinal);
        // The secret part of each key (the master key's value) appears in no log line of either host.
        foreach (var xml in stored)
        {
            var secret = XElement.Parse(xml).Descendants("masterKey").Single().Element("value")!.Value;
            Assert.True(secret.Length >= 40, xml.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.DoesNotContain(secret, logs.Text, StringComparison.Ordinal);
        }
    }
}
