namespace MentorBot.Slack.WebApi.Responses;

/// <summary>A paged method's <c>response_metadata</c>: the cursor of the next page, empty on the last.</summary>
public sealed record ResponseMetadata
{
    public string? NextCursor { get; set; }
}
