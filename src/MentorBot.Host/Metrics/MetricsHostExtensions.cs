using System.Net;
using MentorBot.Host.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

// In the host's root namespace so BotApplication calls it with one line and no extra using.
namespace MentorBot.Host;

internal static class MetricsHostExtensions
{
    /// <summary>Every meter of ours, present and future, is named <c>MentorBot.Something</c>.</summary>
    public const string MentorBotMeters = "MentorBot.*";

    public const string ScrapePath = "/metrics";

    /// <summary>
    /// Metrics options checked at start, and, when <c>Metrics:Enabled</c> or <c>Metrics:OtlpEndpoint</c> asks for
    /// them, OpenTelemetry metrics with the exporters asked for. Off, nothing listens to the meters.
    /// </summary>
    public static IServiceCollection AddMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>()
            .Bind(configuration.GetSection(MetricsOptions.SectionName))
            .Validate(o => o.OtlpEndpoint is null || MetricsOptions.OtlpUri(o.OtlpEndpoint) is not null,
                "Metrics:OtlpEndpoint must be an absolute http:// or https:// URL, e.g. http://collector:4317.")
            .Validate(o => Enum.IsDefined(o.OtlpProtocol), "Metrics:OtlpProtocol must be Grpc or HttpProtobuf.")
            .ValidateOnStart();

        // Registration cannot wait for validation; a bad value registers nothing here and StartupCheck stops the host.
        var scrape = ScrapeEnabled(configuration);
        var otlp = MetricsOptions.OtlpUri(configuration["Metrics:OtlpEndpoint"]);
        if (!scrape && otlp is null)
            return services;

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("MentorBot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MentorBotMeters)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddProcessInstrumentation();
                if (scrape)
                    metrics.AddPrometheusExporter();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter((exporter, _) =>
                    {
                        exporter.Endpoint = otlp;
                        if (Enum.TryParse<OpenTelemetry.Exporter.OtlpExportProtocol>(configuration["Metrics:OtlpProtocol"], ignoreCase: true, out var protocol))
                            exporter.Protocol = protocol;
                    });
                }
            });
        return services;
    }

    /// <summary><c>GET /metrics</c> when <c>Metrics:Enabled</c>; from this machine only unless <c>Metrics:AllowRemote</c>.</summary>
    public static void MapMetrics(this WebApplication app)
    {
        if (!ScrapeEnabled(app.Configuration))
            return;
        var allowRemote = bool.TryParse(app.Configuration["Metrics:AllowRemote"], out var remote) && remote;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == ScrapePath && (allowRemote || IsLocal(context.Connection.RemoteIpAddress)));
    }

    internal static bool IsLocal(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static bool ScrapeEnabled(IConfiguration configuration) =>
        bool.TryParse(configuration["Metrics:Enabled"], out var enabled) && enabled;
}
