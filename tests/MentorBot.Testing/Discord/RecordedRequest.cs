using System.Text.Json;

namespace MentorBot.Testing.Discord;

/// <summary>
/// One request the fake Discord received, with its parsed JSON body (Undefined when empty). For a multipart/form-data
/// request, <see cref="Body"/> is its <c>payload_json</c> part and <see cref="Files"/> its <c>files[N]</c> parts.
/// </summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? UserAgent, JsonElement Body, int Status)
{
    public string? ContentType { get; init; }

    public IReadOnlyList<RecordedFile> Files { get; init; } = [];
}

/// <summary>An uploaded file part: its form field (<c>files[0]</c>), file name, media type and bytes.</summary>
public sealed record RecordedFile(string Field, string FileName, string? ContentType, byte[] Content);
