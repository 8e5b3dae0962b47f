namespace MentorBot.Testing.Slack;

/// <summary>
/// A file uploaded through the fake's upload flow: the name and length announced to <c>files.getUploadURLExternal</c>,
/// the bytes POSTed to the upload URL, and where <c>files.completeUploadExternal</c> shared it (null until completed).
/// </summary>
public sealed record FakeSlackFile(string Id, string FileName, int Length)
{
    public byte[]? Content { get; set; }

    public string? ContentType { get; set; }

    public string? Title { get; set; }

    public string? SharedIn { get; set; }

    public string? InitialComment { get; set; }
}
