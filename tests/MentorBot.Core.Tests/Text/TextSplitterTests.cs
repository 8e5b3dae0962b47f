using System.Text;
using System.Text.RegularExpressions;
using MentorBot.Core.Text;

namespace MentorBot.Core.Tests.Text;

public sealed partial class TextSplitterTests
{
    [Fact]
    public void Falls_back_to_lines_then_spaces_then_hard_cuts()
    {
        Assert.Equal(["aaaa", "bbbb"], TextSplitter.Split("aaaa\nbbbb", 6));
        Assert.Equal(["aaaa", "bbbb"], TextSplitter.Split("aaaa bbbb", 6));
        Assert.Equal(["aaaaaa", "aaaa"], TextSplitter.Split("aaaaaaaaaa", 6));
    }

    [Fact]
    public void A_paragraph_break_wins_over_a_later_line_break_or_space()
    {
        Assert.Equal(["aaaaa", "bb\ncc dd"], TextSplitter.Split("aaaaa\n\nbb\ncc dd", 12));
    }

    [Fact]
    public void A_break_in_the_first_third_is_passed_over_for_a_later_one()
    {
        Assert.Equal(["ab\n\ncccc", "dddd eeee"], TextSplitter.Split("ab\n\ncccc dddd eeee", 12));
    }

    [Fact]
    public void With_no_break_past_the_first_third_the_cut_is_hard()
    {
        Assert.Equal(["ab cdefgh", "ijklmnop"], TextSplitter.Split("ab cdefghijklmnop", 9));
    }

    [Fact]
    public void A_break_right_after_a_full_length_piece_is_used()
    {
        Assert.Equal(["aaaaaa", "bbb"], TextSplitter.Split("aaaaaa bbb", 6));
    }

    [Fact]
    public void Text_that_fits_is_one_piece_without_surrounding_whitespace()
    {
        Assert.Equal(["hello\n\nworld"], TextSplitter.Split(" \n hello\n\nworld \n", 20));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n\t ")]
    public void Blank_text_gives_no_pieces(string text)
    {
        Assert.Empty(TextSplitter.Split(text, 10));
        Assert.Empty(TextSplitter.Split(text, 10, keepEntitiesWhole: true));
    }

    [Fact]
    public void A_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TextSplitter.Split("text", 0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_hard_cut_never_splits_a_surrogate_pair(bool keepEntitiesWhole)
    {
        Assert.Equal(["aaaaa", "😀bb"], TextSplitter.Split("aaaaa😀bb", 6, keepEntitiesWhole));
    }

    [Fact]
    public void A_hard_cut_keeps_an_escaped_entity_whole_when_asked()
    {
        Assert.Equal(["aaaa", "&lt;bb"], TextSplitter.Split("aaaa&lt;bb", 6, keepEntitiesWhole: true));
        Assert.Equal(["aaaa", "&amp;b"], TextSplitter.Split("aaaa&amp;b", 8, keepEntitiesWhole: true));
    }

    [Fact]
    public void A_whole_entity_at_the_end_of_the_window_stays_in_the_piece()
    {
        Assert.Equal(["aa&lt;", "bbbb"], TextSplitter.Split("aa&lt;bbbb", 6, keepEntitiesWhole: true));
    }

    [Fact]
    public void Raw_text_treats_an_ampersand_as_an_ordinary_character()
    {
        Assert.Equal(["aaaa&l", "t;bb"], TextSplitter.Split("aaaa&lt;bb", 6));
    }

    [Fact]
    public void Escaped_text_made_only_of_entities_splits_between_them()
    {
        var text = string.Concat(Enumerable.Repeat("&lt;", 2000));

        var pieces = TextSplitter.Split(text, 3000, keepEntitiesWhole: true);

        Assert.Equal([3000, 3000, 2000], pieces.Select(p => p.Length));
        Assert.Equal(text, string.Concat(pieces));
    }

    [Theory]
    [InlineData("😀😀", 1, false)]
    [InlineData("&lt;&gt;", 3, true)]
    [InlineData("&amp;&amp;", 1, true)]
    public void A_limit_too_small_for_a_pair_or_entity_still_gets_through_the_text(string text, int maxLength, bool keepEntitiesWhole)
    {
        var pieces = TextSplitter.Split(text, maxLength, keepEntitiesWhole);

        Assert.All(pieces, p => Assert.InRange(p.Length, 1, maxLength));
        Assert.Equal(text, string.Concat(pieces));
    }

    [Fact]
    public void Random_text_keeps_every_character_within_the_limit_and_every_pair_and_entity_whole()
    {
        string[] tokens = ["word", "a", "longerwordwithoutspaces", " ", " ", "\n", "\n\n", "😀", "&amp;", "&lt;", "&gt;"];
        var random = new Random(20240611);
        for (var run = 0; run < 2000; run++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 60); i > 0; i--)
                text.Append(tokens[random.Next(tokens.Length)]);
            var maxLength = random.Next(5, 40);
            var source = text.ToString();

            var pieces = TextSplitter.Split(source, maxLength, keepEntitiesWhole: true);

            var context = $"run {run}, limit {maxLength}: {source}";
            Assert.All(pieces, p => Assert.True(p.Length >= 1 && p.Length <= maxLength, context));
            Assert.All(pieces, p => Assert.True(p == p.Trim(), context));
            Assert.All(pieces, p => Assert.False(char.IsLowSurrogate(p[0]) || char.IsHighSurrogate(p[^1]), context));
            Assert.All(pieces, p => Assert.False(BrokenEntity().IsMatch(p), context));
            Assert.Equal(WithoutWhitespace(source), WithoutWhitespace(string.Concat(pieces)));
        }
    }

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    // Every '&' in the generated text starts an entity, so one that does not means a cut went through it.
    [GeneratedRegex("&(?!amp;|lt;|gt;)|(?<!&amp|&lt|&gt);")]
    private static partial Regex BrokenEntity();
}
