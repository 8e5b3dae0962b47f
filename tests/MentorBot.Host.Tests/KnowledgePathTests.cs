using MentorBot.Host.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Tests;

public sealed class KnowledgePathTests : IDisposable
{
    private readonly List<string> _besideApp = [];

    public void Dispose()
    {
        foreach (var folder in _besideApp)
            Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void An_absolute_path_is_returned_as_is_even_when_it_does_not_exist()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "mentorbot-host-tests", Guid.NewGuid().ToString("N"), "knowledge");
        Assert.Equal(absolute, KnowledgePath.Resolve(Config(absolute)));
        Assert.Equal(TestPaths.RepoKnowledge, KnowledgePath.Resolve(Config(TestPaths.RepoKnowledge)));
    }

    [Fact]
    public void A_relative_path_found_nowhere_else_falls_back_to_the_copy_beside_the_app()
    {
        // Beside the app but without a faq/ folder, so the current-directory-and-parents search cannot claim it.
        var name = "kp-" + Guid.NewGuid().ToString("N");
        var besideApp = CreateBesideApp(name);

        Assert.Equal(besideApp, KnowledgePath.Resolve(Config(name)));
    }

    [Fact]
    public void A_relative_path_that_exists_nowhere_is_returned_unchanged()
    {
        var name = "kp-missing-" + Guid.NewGuid().ToString("N");
        Assert.Equal(name, KnowledgePath.Resolve(Config(name)));
    }

    [Fact]
    public void A_relative_path_with_a_faq_folder_resolves_to_that_folder()
    {
        var name = "kp-" + Guid.NewGuid().ToString("N");
        var besideApp = CreateBesideApp(name);
        Directory.CreateDirectory(Path.Combine(besideApp, "faq"));

        var resolved = KnowledgePath.Resolve(Config(name));

        // Found from the current directory (the test output folder) or, failing that, beside the app: the same place.
        Assert.Equal(Path.GetFullPath(besideApp), Path.GetFullPath(resolved));
    }

    [Fact]
    public void No_setting_means_the_knowledge_folder_which_the_build_copies_beside_the_app()
    {
        var resolved = KnowledgePath.Resolve(new ConfigurationBuilder().Build());
        Assert.True(Directory.Exists(Path.Combine(resolved, "faq")), resolved);
        // Every shipped entry, counted in the repository rather than hard-coded, so merging entries doesn't break this.
        Assert.Equal(
            Directory.GetFiles(Path.Combine(TestPaths.RepoKnowledge, "faq"), "*.md").Length,
            Directory.GetFiles(Path.Combine(TestPaths.BesideApp, "faq"), "*.md").Length);
    }

    private string CreateBesideApp(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, name);
        Directory.CreateDirectory(path);
        _besideApp.Add(path);
        return path;
    }

    private static IConfiguration Config(string path) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:Path"] = path }).Build();
}
