namespace MentorBot.Core.Faq;

/// <summary>The knowledge's off-topic example closest to a question, and its cosine with it.</summary>
public sealed record OffTopicMatch(string Example, double Cosine);
