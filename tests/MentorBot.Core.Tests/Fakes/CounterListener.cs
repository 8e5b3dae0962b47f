using System.Diagnostics.Metrics;

namespace MentorBot.Core.Tests.Fakes;

/// <summary>Sums the long counters of one meter instance, so parallel tests do not see each other.</summary>
internal sealed class CounterListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _totals = [];
    private readonly Lock _gate = new();

    public CounterListener(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (_gate) _totals[instrument.Name] = _totals.GetValueOrDefault(instrument.Name) + value;
        });
        _listener.Start();
    }

    public long Get(string name)
    {
        lock (_gate) return _totals.GetValueOrDefault(name);
    }

    public void Dispose() => _listener.Dispose();
}
