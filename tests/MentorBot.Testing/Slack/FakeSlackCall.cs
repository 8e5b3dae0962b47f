using System.Text.Json.Nodes;

namespace MentorBot.Testing.Slack;

/// <summary>One Web API call the fake received: method, bearer token and arguments (JSON body or query string).</summary>
public sealed record FakeSlackCall(string Method, string? Token, JsonObject Arguments, string? ContentType);
