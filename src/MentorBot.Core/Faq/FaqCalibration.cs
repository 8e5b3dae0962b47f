using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorBot.Core.Faq;

/// <summary>
/// The fitted parameters of the FAQ engine, kept in <c>knowledge/faq-calibration.json</c> and refitted by
/// <c>faq calibrate</c>: how much the lexical confidence weighs beside the cosine in the ranking, and the decision
/// models with and without the embedding model.
/// </summary>
public sealed record FaqCalibration
{
    public const string FileName = "faq-calibration.json";

    public int Version { get; init; } = 1;

    /// <summary>How the file was made, so anyone can make it again.</summary>
    public string? Command { get; init; }

    public string? Fitted { get; init; }

    /// <summary>The embedding model the semantic parameters were fitted with.</summary>
    public string? Model { get; init; }

    public IReadOnlyList<string> FittedOn { get; init; } = [];

    /// <summary>An entry ranks by cosine + LexicalWeight × lexical confidence.</summary>
    public double LexicalWeight { get; init; } = 0.5;

    public required FaqDecisionModel Semantic { get; init; }

    public required FaqDecisionModel Lexical { get; init; }

    /// <summary>
    /// Used when the knowledge folder has no calibration file: the lexical rule of earlier versions (answer at a
    /// lexical confidence of 0.42) and a cosine of about 0.6 with the model.
    /// </summary>
    public static FaqCalibration Default { get; } = new()
    {
        Command = "built in",
        Semantic = new FaqDecisionModel(-9, new Dictionary<string, double> { ["cosine"] = 12, ["lexical"] = 4 }, 0.5, 0.15),
        Lexical = new FaqDecisionModel(-8.4, new Dictionary<string, double> { ["lexical"] = 20, ["offTopic"] = -10 }, 0.5, 0.15),
    };

    public static FaqCalibration Parse(string json) =>
        JsonSerializer.Deserialize(json, FaqCalibrationJson.Default.FaqCalibration)
        ?? throw new JsonException("the calibration file is empty");

    public string ToJson() => JsonSerializer.Serialize(this, FaqCalibrationJson.Default.FaqCalibration);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(FaqCalibration))]
internal sealed partial class FaqCalibrationJson : JsonSerializerContext;
