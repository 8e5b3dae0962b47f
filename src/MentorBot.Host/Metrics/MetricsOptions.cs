using OpenTelemetry.Exporter;

namespace MentorBot.Host.Metrics;

/// <summary>
/// Metrics (<c>Metrics:*</c>): the <c>MentorBot.*</c> meters, ASP.NET Core, HttpClient, runtime and process metrics,
/// scraped from <c>/metrics</c> and/or pushed over OTLP. Both are off unless configured.
/// </summary>
public sealed record MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Serves the Prometheus text format at <c>GET /metrics</c> on the web server's <c>urls</c>.</summary>
    public bool Enabled { get; init; }

    /// <summary>
    /// Lets <c>/metrics</c> answer clients that are not on this machine. Off, a scrape from elsewhere gets 404: the web
    /// server may listen publicly for Discord or Slack, and the metrics are not for the public.
    /// </summary>
    public bool AllowRemote { get; init; }

    /// <summary>An OpenTelemetry collector to push to, e.g. <c>http://collector:4317</c>; none means no push.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary><c>Grpc</c> (port 4317) or <c>HttpProtobuf</c> (port 4318, the endpoint then ends in <c>/v1/metrics</c>).</summary>
    public OtlpExportProtocol OtlpProtocol { get; init; } = OtlpExportProtocol.Grpc;

    /// <summary>The OTLP endpoint as a URI, or null when it is not set or not an absolute http(s) URL.</summary>
    public static Uri? OtlpUri(string? endpoint) =>
        Uri.TryCreate(endpoint?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
}
