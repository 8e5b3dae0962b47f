namespace MentorBot.Slack.WebApi;

/// <summary>One page of <c>conversations.history</c>: the delivery keys found in message metadata, and where the next page starts.</summary>
public sealed record SlackHistoryPage(IReadOnlyList<string> DeliveryKeys, string? NextCursor);
