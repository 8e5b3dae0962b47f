using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Tests.Knowledge;

public sealed class OffTopicExamplesTests : IDisposable
{
    private readonly TempKnowledgeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_examples_load_one_per_line_without_comments_or_blank_lines()
    {
        _folder.WithValidContent();
        _folder.Write("off-topic.txt", "# questions the bot declines\nhow much do nurses earn in canada\n\n  how do I centre a div  \n");

        var result = KnowledgeLoader.Load(_folder.Root);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(["how much do nurses earn in canada", "how do I centre a div"], result.Knowledge!.OffTopicExamples);
    }

    [Fact]
    public void A_folder_without_the_file_has_no_examples()
    {
        _folder.WithValidContent();

        Assert.Empty(KnowledgeLoader.Load(_folder.Root).Knowledge!.OffTopicExamples);
    }

    [Theory]
    [InlineData("how do I centre a div\nHow do I centre a div?\n", 2, "also appears at line 1")]
    [InlineData("alpha basics\n", 1, "a question cannot be both answered and declined")]
    [InlineData("what is alpha\n", 1, "a question cannot be both answered and declined")]
    [InlineData("fine example\n?!\n", 2, "no words")]
    public void A_bad_example_is_a_problem_with_its_line(string text, int line, string message)
    {
        _folder.WithValidContent();
        var file = _folder.Write("off-topic.txt", text);

        var result = KnowledgeLoader.Load(_folder.Root);

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(file, problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlong_example_is_a_problem()
    {
        _folder.WithValidContent();
        _folder.Write("off-topic.txt", new string('a', 401) + "\n");

        var result = KnowledgeLoader.Load(_folder.Root);

        Assert.Contains(result.Problems, p => p.Line == 1 && p.Message.Contains("401 characters", StringComparison.Ordinal));
    }
}
