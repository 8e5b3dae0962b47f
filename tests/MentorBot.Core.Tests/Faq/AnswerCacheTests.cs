using MentorBot.Core.Faq;

namespace MentorBot.Core.Tests.Faq;

public sealed class AnswerCacheTests
{
    private static readonly FaqResult Declined = new(null, 0, []);

    [Fact]
    public void The_cache_holds_at_most_its_capacity()
    {
        var cache = new AnswerCache(100);
        for (var i = 0; i < 10_000; i++)
            cache.Add($"question {i}", Declined);

        Assert.InRange(cache.Count, 1, 100);
        Assert.True(cache.TryGet("question 9999", out _));
        Assert.False(cache.TryGet("question 0", out _));
    }

    [Fact]
    public void A_question_asked_often_survives_the_turnover()
    {
        var cache = new AnswerCache(10);
        cache.Add("popular", Declined);
        for (var i = 0; i < 100; i++)
        {
            cache.Add($"rare {i}", Declined);
            Assert.True(cache.TryGet("popular", out _), $"lost after {i} others");
        }
    }

    [Theory]
    [InlineData("  do I   need a\tdegree ", "do I need a degree")]
    [InlineData("salary in the US", "salary in the US")]
    public void Normalising_keeps_case_and_collapses_spacing(string question, string key)
    {
        Assert.Equal(key, AnswerCache.Normalise(question));
    }

    [Theory]
    [InlineData("do I need a degree")]
    [InlineData("salary in the US")]
    [InlineData("")]
    public void A_question_already_normalised_comes_back_as_itself_not_as_a_copy(string question)
    {
        Assert.Same(question, AnswerCache.Normalise(question));
    }

    [Theory]
    [InlineData("do I need  a degree", "do I need a degree")]
    [InlineData("do I need\ta degree", "do I need a degree")]
    [InlineData(" do I need a degree", "do I need a degree")]
    [InlineData("do I need a degree\n", "do I need a degree")]
    [InlineData("do I need \u00a0a degree", "do I need a degree")]
    public void A_question_with_any_other_spacing_is_still_normalised(string question, string key)
    {
        Assert.Equal(key, AnswerCache.Normalise(System.Text.RegularExpressions.Regex.Unescape(question)));
    }
}
