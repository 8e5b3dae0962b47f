using System.Text.Json.Serialization;

namespace MentorBot.Host.Health;

/// <summary>The body of <c>/healthz</c>.</summary>
internal sealed record HealthReport(string Status, StorageHealthReport Storage, KnowledgeHealthReport Knowledge, IReadOnlyList<AdapterHealthReport> Adapters);

internal sealed record AdapterHealthReport(string Name, bool Connected);

/// <param name="Full">Writes are refused for lack of disk space; reads still answer.</param>
internal sealed record StorageHealthReport(bool Reachable, bool Full, int SchemaVersion);

internal sealed record KnowledgeHealthReport(int FaqEntries, int RoadmapWeeks);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HealthReport))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
