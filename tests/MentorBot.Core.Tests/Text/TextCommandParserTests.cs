using MentorBot.Core.Tests.Fakes;
using MentorBot.Core.Text;

namespace MentorBot.Core.Tests.Text;

public sealed class TextCommandParserTests : IDisposable
{
    private readonly BotHarness _bot = new();

    private TextCommandParser Parser => _bot.Parser;

    public void Dispose() => _bot.Dispose();

    private ParsedCommand Ok(string line)
    {
        var result = Parser.Parse(line);
        Assert.True(result.Success, result.Error);
        return result.Command!;
    }

    [Fact]
    public void Faq_question_absorbs_the_rest_of_the_line()
    {
        var parsed = Ok("/faq do I need a degree");
        Assert.Equal("faq", parsed.Command);
        Assert.Equal("do I need a degree", parsed.Options["question"]);
    }

    [Fact]
    public void Leading_slash_is_optional_and_command_is_case_insensitive()
    {
        var parsed = Ok("FAQ  what is   REST?");
        Assert.Equal("faq", parsed.Command);
        Assert.Equal("what is   REST?", parsed.Options["question"]);
    }

    [Fact]
    public void Absorbed_text_keeps_quotes_verbatim_when_more_than_one_word()
    {
        var parsed = Ok("/faq what does \"idempotent\" mean");
        Assert.Equal("what does \"idempotent\" mean", parsed.Options["question"]);
    }

    [Fact]
    public void Challenge_post_mixes_quoted_positional_and_named_options()
    {
        var parsed = Ok("/challenge post \"Build a URL shortener\" Make it fast due:2026-12-01");
        Assert.Equal("challenge", parsed.Command);
        Assert.Equal("post", parsed.Subcommand);
        Assert.Equal("Build a URL shortener", parsed.Options["title"]);
        Assert.Equal("Make it fast", parsed.Options["description"]);
        Assert.Equal("2026-12-01", parsed.Options["due"]);
    }

    [Fact]
    public void Named_values_may_be_quoted_and_names_are_case_insensitive()
    {
        var parsed = Ok("/challenge POST Title:\"A b c\" DESCRIPTION:\"d e\" due:2026-12-01");
        Assert.Equal("post", parsed.Subcommand);
        Assert.Equal("A b c", parsed.Options["title"]);
        Assert.Equal("d e", parsed.Options["description"]);
    }

    [Fact]
    public void Subscribe_fills_options_in_order()
    {
        var parsed = Ok("/subscribe monday 09:00 Europe/Berlin");
        Assert.Equal("monday", parsed.Options["day"]);
        Assert.Equal("09:00", parsed.Options["time"]);
        Assert.Equal("Europe/Berlin", parsed.Options["timezone"]);
    }

    [Fact]
    public void Named_option_skips_its_slot_for_positional_values()
    {
        var parsed = Ok("/subscribe timezone:Asia/Kolkata friday 18:30");
        Assert.Equal("friday", parsed.Options["day"]);
        Assert.Equal("18:30", parsed.Options["time"]);
        Assert.Equal("Asia/Kolkata", parsed.Options["timezone"]);
    }

    [Fact]
    public void Submit_with_url_value_keeps_the_colons_of_the_link()
    {
        var parsed = Ok("/challenge submit id:3 link:https://github.com/a/b");
        Assert.Equal("3", parsed.Options["id"]);
        Assert.Equal("https://github.com/a/b", parsed.Options["link"]);
    }

    [Fact]
    public void Options_dictionary_is_case_insensitive()
    {
        var parsed = Ok("/pause until:2026-12-24");
        Assert.Equal("2026-12-24", parsed.Options["UNTIL"]);
    }

    [Fact]
    public void Command_without_options_parses()
    {
        var parsed = Ok("/leaderboard");
        Assert.Equal("leaderboard", parsed.Command);
        Assert.Empty(parsed.Options);
        Assert.Null(parsed.Subcommand);
    }

    [Fact]
    public void Unknown_command_lists_the_valid_ones()
    {
        var result = Parser.Parse("/dance now");
        Assert.False(result.Success);
        Assert.Contains("Unknown command 'dance'", result.Error, StringComparison.Ordinal);
        Assert.Contains("/faq", result.Error, StringComparison.Ordinal);
        Assert.Contains("/help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_subcommand_lists_the_valid_ones()
    {
        var result = Parser.Parse("/challenge delete id:1");
        Assert.False(result.Success);
        Assert.Contains("delete", result.Error, StringComparison.Ordinal);
        Assert.Contains("post, list, submit, close", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_subcommand_is_an_error()
    {
        var result = Parser.Parse("/challenge");
        Assert.False(result.Success);
        Assert.Contains("needs a subcommand", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    public void Empty_line_is_an_error(string line) => Assert.False(Parser.Parse(line).Success);

    [Fact]
    public void Extra_words_for_a_command_without_string_options_are_an_error()
    {
        var result = Parser.Parse("/leaderboard please now");
        Assert.False(result.Success);
        Assert.Contains("please now", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unmatched_quote_is_kept_literally()
    {
        var parsed = Ok("/faq \"what is rest");
        Assert.Equal("\"what is rest", parsed.Options["question"]);
    }

    [Fact]
    public void Single_quoted_phrase_is_unquoted()
    {
        var parsed = Ok("/checkin \"read chapter 3\"");
        Assert.Equal("read chapter 3", parsed.Options["note"]);
    }

    [Fact]
    public void Word_with_colon_that_is_not_an_option_stays_positional()
    {
        var parsed = Ok("/faq what is note:this");
        Assert.Equal("what is note:this", parsed.Options["question"]);
    }

    // Issue 15: named values used to stop at the first space, leaving the rest to positional slots.
    [Fact]
    public void A_named_free_text_value_runs_until_the_next_name()
    {
        var parsed = Ok("/challenge post title:Todo API description:Build a REST todo API with auth due:2026-12-31");
        Assert.Equal("Todo API", parsed.Options["title"]);
        Assert.Equal("Build a REST todo API with auth", parsed.Options["description"]);
        Assert.Equal("2026-12-31", parsed.Options["due"]);
    }

    [Fact]
    public void A_named_one_word_value_still_leaves_the_following_words_to_positional_options()
    {
        var parsed = Ok("/checkin note:read chapter 3");
        Assert.Equal("read chapter 3", parsed.Options["note"]);
    }

    // Issue 15: the date used to be taken as the free-text absorber and failed with "due is too long".
    [Fact]
    public void A_trailing_date_in_the_positional_form_is_the_due_date()
    {
        var parsed = Ok("/challenge post \"Todo API\" Build a REST todo API with auth 2026-12-31");
        Assert.Equal("Todo API", parsed.Options["title"]);
        Assert.Equal("Build a REST todo API with auth", parsed.Options["description"]);
        Assert.Equal("2026-12-31", parsed.Options["due"]);
    }

    [Fact]
    public void A_positional_line_without_a_date_leaves_due_missing_instead_of_taking_a_word()
    {
        var parsed = Ok("/challenge post \"Todo API\" Build it soon");
        Assert.Equal("Build it soon", parsed.Options["description"]);
        Assert.False(parsed.Options.ContainsKey("due"));
    }

    [Fact]
    public async Task Both_forms_in_the_usage_line_post_a_challenge()
    {
        var usage = _bot.Dispatcher.Commands.Single(c => c.Name == "challenge").Subcommands.Single(s => s.Name == "post").Usage;
        var forms = usage.Split("  or  ");
        Assert.Equal(2, forms.Length);
        var lines = new[]
        {
            forms[0].Replace("<title>", "Todo API", StringComparison.Ordinal).Replace("<text>", "Build a REST todo API", StringComparison.Ordinal).Replace("<yyyy-MM-dd>", "2026-12-31", StringComparison.Ordinal),
            forms[1].Replace("<title>", "Todo API", StringComparison.Ordinal).Replace("<text>", "Build a REST todo API", StringComparison.Ordinal).Replace("<yyyy-MM-dd>", "2026-12-31", StringComparison.Ordinal),
        };
        foreach (var line in lines)
        {
            var reply = await _bot.SendAsync(line, BotHarness.Mod);
            Assert.True(reply.Kind == Core.Commands.ReplyKind.Success, line + " → " + reply.Text);
        }
        Assert.Equal(2, (await _bot.Challenges.ListAsync(BotHarness.Community, includeClosed: true)).Count);
        Assert.All(await _bot.Challenges.ListAsync(BotHarness.Community, includeClosed: true), c =>
        {
            Assert.Equal("Todo API", c.Title);
            Assert.Equal("Build a REST todo API", c.Description);
            Assert.Equal(new DateOnly(2026, 12, 31), c.Due);
        });
    }
}
