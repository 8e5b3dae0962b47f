using MentorBot.Testing.Hosting;

namespace MentorBot.Host.Tests.Support;

/// <summary>The host built beside these tests, started as a child process.</summary>
internal static class BuiltHost
{
    public static HostProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment) =>
        HostProcess.Start(TestPaths.Dotnet, TestPaths.HostDll, workingDirectory, environment);
}
