using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Cli;

/// <summary>The configuration a verb sees: the same files and environment as the host, without starting it.</summary>
internal static class CliConfiguration
{
    public static IConfiguration Build() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
}
