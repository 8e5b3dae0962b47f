using System.Runtime.CompilerServices;

namespace MentorBot.Host.Tests;

/// <summary>
/// Hosts started by these tests, in process or as child processes, answer FAQ questions lexically unless a test turns
/// the embedding model on: each would otherwise load the 90 MB model and embed every phrasing, which on a loaded CI
/// machine slowed unrelated timing-sensitive tests past their limits. The model has its own tests
/// (MentorBot.Faq.Semantic.Tests, the FAQ eval floors in .ci/run) and one host test that turns it on.
/// </summary>
internal static class SemanticModelOffByDefault
{
#pragma warning disable CA2255 // A test assembly's one-time set-up, before any test builds a host.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("Faq__Semantic__Enabled") is null)
            Environment.SetEnvironmentVariable("Faq__Semantic__Enabled", "false");
    }
}
