using System.Net;
using MentorBot.Dashboard.Tests.Support;
using MentorBot.Host.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MentorBot.Dashboard.Tests;

/// <summary>
/// Two whole hosts on one private PostgreSQL database, as behind a load balancer. Each host gets its own local key
/// folder, standing for the per-machine key ring ASP.NET Core keeps by default (hosts in one test process would
/// otherwise share the one in the user's home folder).
/// </summary>
public sealed class SharedKeyRingTests
{
    private static Action<IServiceCollection> OwnMachineKeys(TempFolder folder) =>
        services => services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(folder.Combine("keys")));

    [Fact]
    public async Task A_form_rendered_by_one_host_is_accepted_by_the_other()
    {
        var database = await SharedDatabase.CreateAsync();
        using var machineA = new TempFolder();
        using var machineB = new TempFolder();
        await using var a = await DashboardHost.StartAsync(SharedDatabase.Settings(database), OwnMachineKeys(machineA));
        await using var b = await DashboardHost.StartAsync(SharedDatabase.Settings(database), OwnMachineKeys(machineB));
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
        await using var count = new NpgsqlCommand("SELECT count(*) FROM data_protection_keys", connection);
        Assert.True((long)(await count.ExecuteScalarAsync())! >= 1);
    }
}
