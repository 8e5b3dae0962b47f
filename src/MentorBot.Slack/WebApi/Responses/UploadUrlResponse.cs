namespace MentorBot.Slack.WebApi.Responses;

/// <summary><c>files.getUploadURLExternal</c>: where to send the bytes, and the id to complete the upload with.</summary>
public sealed class UploadUrlResponse : SlackApiResponse
{
    public string? UploadUrl { get; set; }

    public string? FileId { get; set; }
}
