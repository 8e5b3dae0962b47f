using MentorBot.Core.Faq;

namespace MentorBot.Core.Tests.Faq;

public sealed class QuestionFocusTests
{
    [Theory]
    [InlineData("what does a backend developer do")]
    [InlineData("I finished my degree last year and I am learning Node now.")]
    [InlineData("help. me")]
    public void A_message_of_one_sentence_has_no_separate_focus(string message) =>
        Assert.Empty(QuestionFocus.Segments(message));

    [Fact]
    public void The_question_sentences_of_a_chat_message_are_its_focus()
    {
        var segments = QuestionFocus.Segments(
            "hi all, I am working in BPO since 3 yrs. Is backend a good career for me? kindly guide on the roadmap. thanks in advance guys");

        Assert.Equal(["Is backend a good career for me?", "kindly guide on the roadmap."], segments);
    }

    [Fact]
    public void A_question_mark_ends_a_sentence_even_without_a_space_after_it()
    {
        var segments = QuestionFocus.Segments("been coding for a year now. which language should i learn next?no idea honestly");

        Assert.Equal(["which language should i learn next?"], segments);
    }

    [Fact]
    public void A_long_message_is_focused_on_at_most_four_sentences()
    {
        var message = string.Join(" ", Enumerable.Range(1, 8).Select(i => $"what about option number {i}?"));

        Assert.Equal(4, QuestionFocus.Segments(message).Count);
    }
}
