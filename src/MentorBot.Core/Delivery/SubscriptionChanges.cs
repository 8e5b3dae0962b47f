namespace MentorBot.Core.Delivery;

/// <summary>
/// A counter bumped by every subscription write made through this process, so the engine rereads the list as soon
/// as something changed instead of waiting for <see cref="DeliveryOptions.SubscriptionRefreshInterval"/>.
/// </summary>
public sealed class SubscriptionChanges
{
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Bump() => Interlocked.Increment(ref _version);
}
