using MentorBot.Core.Faq;

namespace MentorBot.Host.Tests;

/// <summary>The whole host with the embedding model on: it loads at start and answers a paraphrase the words alone miss.</summary>
public sealed class SemanticHostTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mentorbot-semantic-host-").FullName;

    [Fact]
    public async Task With_the_model_on_the_host_answers_a_paraphrase_that_lexical_matching_declines()
    {
        const string Question = "whats the diff btw frontend n backend";
        await using var host = await Support.ConsoleHost.StartAsync(Path.Combine(_directory, "bot.db"), new Dictionary<string, string?>
        {
            ["Faq:Semantic:Enabled"] = "true",
            ["Faq:Semantic:CacheDirectory"] = Path.Combine(_directory, "cache"),
        });

        var faq = host.Service<FaqService>();

        Assert.True(faq.Semantic);
        Assert.Equal("frontend-vs-backend", faq.Ask(Question).Entry?.Id);
        Assert.True(File.Exists(Directory.EnumerateFiles(Path.Combine(_directory, "cache"), "faq-embeddings-*.bin").Single()));
        await host.EndInputAsync(Support.ConsoleHost.Timeout);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
