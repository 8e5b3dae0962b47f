using System.Text.Json.Serialization;

namespace MentorBot.Host.Cli;

/// <summary>One line of <c>ask --json</c> output.</summary>
internal sealed record AskJsonLine(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("suggestions")] IReadOnlyList<string> Suggestions,
    [property: JsonPropertyName("smalltalk")] string? SmallTalk,
    [property: JsonPropertyName("notEnglish")] bool NotEnglish);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AskJsonLine))]
internal sealed partial class AskJsonContext : JsonSerializerContext;
