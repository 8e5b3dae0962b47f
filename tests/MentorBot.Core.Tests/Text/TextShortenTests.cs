using MentorBot.Core.Text;

namespace MentorBot.Core.Tests.Text;

public sealed class TextShortenTests
{
    [Fact]
    public void Text_that_fits_is_returned_as_it_is()
    {
        Assert.Equal("Week 3", TextSplitter.Shorten("Week 3", 6));
    }

    [Fact]
    public void Longer_text_ends_in_an_ellipsis_within_the_limit()
    {
        var shortened = TextSplitter.Shorten("Build a REST API", 10);

        Assert.Equal("Build a R…", shortened);
        Assert.Equal(10, shortened.Length);
    }

    [Fact]
    public void An_escaped_entity_is_kept_whole_or_left_out()
    {
        Assert.Equal("Q…", TextSplitter.Shorten("Q&amp;A and more", 5, keepEntitiesWhole: true));
        Assert.Equal("Q&am…", TextSplitter.Shorten("Q&amp;A and more", 5));
    }

    [Fact]
    public void An_emoji_is_never_cut_in_half()
    {
        Assert.Equal("ab…", TextSplitter.Shorten("ab😀cd", 4));
    }

    [Fact]
    public void A_limit_too_small_for_any_text_and_the_ellipsis_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TextSplitter.Shorten("abc", 1));
    }
}
