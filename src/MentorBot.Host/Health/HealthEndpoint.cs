using MentorBot.Core.Health;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Storage;

namespace MentorBot.Host.Health;

/// <summary>
/// <c>GET /healthz</c>: 200 when storage answers, 503 otherwise, with what is loaded and each adapter's connection.
/// A disconnected adapter does not make the status degraded: it reconnects on its own, and storage is what matters.
/// </summary>
internal static class HealthEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapGet("/healthz", async (IStorageHealth storage, IKnowledgeProvider knowledge, IEnumerable<IAdapterStatus> adapterStatuses, CancellationToken ct) =>
        {
            var storageUp = await storage.PingAsync(ct);
            var adapters = adapterStatuses.Select(a => new AdapterHealthReport(a.Name, a.Connected)).ToArray();
            var body = new HealthReport(
                storageUp ? "ok" : "degraded",
                new StorageHealthReport(storageUp, storage.SchemaVersion),
                new KnowledgeHealthReport(knowledge.Current.Faq.Count, knowledge.Current.Roadmap.Count),
                adapters);
            return Results.Json(body, HealthJsonContext.Default.HealthReport, statusCode: storageUp ? 200 : 503);
        });
}
