using MentorBot.Core.Health;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Storage;

namespace MentorBot.Host.Health;

/// <summary>
/// <c>GET /healthz</c>: 200 when storage answers and takes writes, 503 (degraded) when it does not answer or its disk is
/// full, with what is loaded and each adapter's connection.
/// A disconnected adapter does not make the status degraded: it reconnects on its own, and storage is what matters.
/// </summary>
internal static class HealthEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapGet("/healthz", async (IStorageHealth storage, IKnowledgeProvider knowledge, IEnumerable<IAdapterStatus> adapterStatuses, CancellationToken ct) =>
        {
            var storageUp = await storage.PingAsync(ct);
            var full = storage.Full;
            var healthy = storageUp && !full;
            var adapters = adapterStatuses.Select(a => new AdapterHealthReport(a.Name, a.Connected)).ToArray();
            var body = new HealthReport(
                healthy ? "ok" : "degraded",
                new StorageHealthReport(storageUp, full, storage.SchemaVersion),
                new KnowledgeHealthReport(knowledge.Current.Faq.Count, knowledge.Current.Roadmap.Count),
                adapters);
            return Results.Json(body, HealthJsonContext.Default.HealthReport, statusCode: healthy ? 200 : 503);
        });
}
