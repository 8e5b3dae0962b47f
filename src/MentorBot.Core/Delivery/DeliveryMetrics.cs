using System.Diagnostics.Metrics;

namespace MentorBot.Core.Delivery;

/// <summary>Counters of the <c>MentorBot.Delivery</c> meter, ready for OpenTelemetry's <c>AddMeter</c>.</summary>
public sealed class DeliveryMetrics : IDisposable
{
    public const string MeterName = "MentorBot.Delivery";

    private readonly Counter<long> _delivered;
    private readonly Counter<long> _deferred;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _undeliverable;

    public DeliveryMetrics()
    {
        Meter = new Meter(MeterName);
        _delivered = Meter.CreateCounter<long>("mentorbot.delivery.delivered", description: "Weekly messages the platform confirmed");
        _deferred = Meter.CreateCounter<long>("mentorbot.delivery.deferred", description: "Sends the platform asked to retry later");
        _failed = Meter.CreateCounter<long>("mentorbot.delivery.failed", description: "Sends that threw; they are retried");
        _undeliverable = Meter.CreateCounter<long>("mentorbot.delivery.undeliverable", description: "Learners who cannot be messaged");
    }

    /// <summary>The meter itself, so a test listener can tell this instance's measurements from another's.</summary>
    public Meter Meter { get; }

    public void Delivered(string platform) => _delivered.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void Deferred(string platform) => _deferred.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void Failed(string platform) => _failed.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void Undeliverable(string platform) => _undeliverable.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void Dispose() => Meter.Dispose();
}
