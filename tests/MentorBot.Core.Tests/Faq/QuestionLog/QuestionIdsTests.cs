using MentorBot.Core.Faq.QuestionLog;

namespace MentorBot.Core.Tests.Faq.QuestionLog;

public sealed class QuestionIdsTests
{
    [Fact]
    public void Ids_sort_by_the_moment_asked_under_ordinal_and_case_insensitive_comparison_and_are_unique()
    {
        var start = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(5.5));
        var ids = Enumerable.Range(0, 2000).Select(i => QuestionIds.New(start.AddTicks(i * 7919L))).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids, ids.Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(ids, ids.Order(StringComparer.InvariantCultureIgnoreCase));
        Assert.All(ids, id => Assert.True(QuestionIds.IsValid(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(2, Enumerable.Range(0, 2).Select(_ => QuestionIds.New(start)).Distinct().Count());
    }

    [Fact]
    public void Ids_of_one_instant_stay_distinct_across_many_refills_of_the_random_pool()
    {
        var at = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

        var ids = Enumerable.Range(0, 20_000).Select(_ => QuestionIds.New(at)).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.True(QuestionIds.IsValid(id), id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdefghijklmnop0")]
    [InlineData("0123456789abcdefghijklmnoP")]
    [InlineData("0123456789abcdefghijklmnow")]
    [InlineData("../../../../etc/passwd/xyz")]
    public void Anything_else_is_not_an_id(string? id) => Assert.False(QuestionIds.IsValid(id));
}
