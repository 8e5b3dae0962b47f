using MentorBot.Core.Knowledge;
using MentorBot.Core.Storage;

namespace MentorBot.Host.Health;

/// <summary><c>GET /healthz</c>: 200 when storage answers, 503 otherwise, with what is loaded and running.</summary>
internal static class HealthEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapGet("/healthz", async (IStorageHealth storage, IKnowledgeProvider knowledge, IEnumerable<IHostedService> services, CancellationToken ct) =>
        {
            var storageUp = await storage.PingAsync(ct);
            var adapters = services
                .Select(s => s.GetType().Name)
                .Where(n => n.EndsWith("Adapter", StringComparison.Ordinal))
                .ToArray();
            var body = new HealthReport(
                storageUp ? "ok" : "degraded",
                new StorageHealthReport(storageUp, storage.SchemaVersion),
                new KnowledgeHealthReport(knowledge.Current.Faq.Count, knowledge.Current.Roadmap.Count),
                adapters);
            return Results.Json(body, HealthJsonContext.Default.HealthReport, statusCode: storageUp ? 200 : 503);
        });
}
