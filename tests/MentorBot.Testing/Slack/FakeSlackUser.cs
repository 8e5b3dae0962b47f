namespace MentorBot.Testing.Slack;

/// <summary>A workspace member as the fake's <c>users.info</c> describes them.</summary>
public sealed record FakeSlackUser(string Id, string Name, string? TimeZone = "Europe/Berlin", bool IsAdmin = false, bool IsOwner = false, bool IsBot = false);
