using System.Text.Json;

namespace MentorBot.Testing.Discord;

/// <summary>One request the fake Discord received, with its parsed JSON body (Undefined when empty).</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? UserAgent, JsonElement Body, int Status);
