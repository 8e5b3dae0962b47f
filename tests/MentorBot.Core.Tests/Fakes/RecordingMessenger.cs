using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;

namespace MentorBot.Core.Tests.Fakes;

/// <summary>
/// A platform that remembers every send. Like Discord's <c>nonce</c> with <c>enforce_nonce</c>, a second send with an
/// idempotency key it already delivered returns the first message instead of posting another. <see cref="Script"/>
/// decides each attempt's outcome (and may throw); <see cref="AfterDeliver"/> runs once a message has landed, which
/// is where a test injects a crash between the platform's confirmation and the outbox mark.
/// </summary>
internal sealed class RecordingMessenger(string platform, TimeProvider time) : IOutboundMessenger
{
    private readonly Lock _gate = new();
    private readonly List<SentMessage> _messages = [];
    private readonly Dictionary<string, SentMessage> _byKey = new(StringComparer.Ordinal);
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public string Platform => platform;

    public Func<LearnerId, int, DeliveryOutcome>? Script { get; set; }

    public Action<SentMessage>? AfterDeliver { get; set; }

    public int Attempts { get; private set; }

    public int DuplicateSendsAbsorbed { get; private set; }

    public List<string?> AttemptKeys { get; } = [];

    /// <summary>Distinct messages the "users" actually saw.</summary>
    public IReadOnlyList<SentMessage> Messages
    {
        get { lock (_gate) return [.. _messages]; }
    }

    /// <summary>Every attempt as the core described it.</summary>
    public List<OutboundAttempt> AttemptsSeen { get; } = [];

    public Task<DeliveryOutcome> SendDirectAsync(LearnerId learner, Reply message, OutboundAttempt attempt, CancellationToken cancellationToken)
    {
        var idempotencyKey = attempt.Key;
        SentMessage sent;
        lock (_gate)
        {
            Attempts++;
            AttemptKeys.Add(idempotencyKey);
            AttemptsSeen.Add(attempt);
            var outcome = Script?.Invoke(learner, Attempts) ?? DeliveryOutcome.Delivered;
            if (outcome.Status != DeliveryStatus.Delivered)
                return Task.FromResult(outcome);
            if (idempotencyKey is not null && _byKey.ContainsKey(idempotencyKey))
            {
                DuplicateSendsAbsorbed++;
                return Task.FromResult(DeliveryOutcome.Delivered);
            }
            sent = new SentMessage(learner, message, idempotencyKey, time.GetUtcNow());
            _messages.Add(sent);
            if (idempotencyKey is not null)
                _byKey[idempotencyKey] = sent;
            foreach (var waiter in _waiters.Where(w => _messages.Count >= w.Count))
                waiter.Signal.TrySetResult();
        }
        AfterDeliver?.Invoke(sent);
        return Task.FromResult(DeliveryOutcome.Delivered);
    }

    /// <summary>Decides each channel post's outcome (and may throw); delivered when unset.</summary>
    public Func<CommunityId, string, DeliveryOutcome>? ChannelScript { get; set; }

    /// <summary>Channel posts that landed.</summary>
    public List<(CommunityId Community, string ChannelId, Reply Reply, string? Key)> ChannelMessages { get; } = [];

    public Task<DeliveryOutcome> SendToChannelAsync(CommunityId community, string channelId, Reply message, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var outcome = ChannelScript?.Invoke(community, channelId) ?? DeliveryOutcome.Delivered;
        if (outcome.Status == DeliveryStatus.Delivered)
        {
            lock (_gate)
                ChannelMessages.Add((community, channelId, message, idempotencyKey));
        }
        return Task.FromResult(outcome);
    }

    /// <summary>Completes once at least <paramref name="count"/> distinct messages have landed.</summary>
    public Task WaitForMessagesAsync(int count)
    {
        lock (_gate)
        {
            if (_messages.Count >= count)
                return Task.CompletedTask;
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task;
        }
    }
}
