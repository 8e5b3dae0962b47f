using System.Text.Json.Nodes;

namespace MentorBot.Testing.Slack;

/// <summary>An envelope the fake Socket Mode server sent, and every acknowledgement it got for it.</summary>
public sealed class FakeEnvelope(string id, string type, JsonObject payload, bool acceptsResponsePayload)
{
    private readonly TaskCompletionSource<JsonObject> _acked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ackCount;

    public string Id { get; } = id;

    public string Type { get; } = type;

    public JsonObject Payload { get; } = payload;

    public bool AcceptsResponsePayload { get; } = acceptsResponsePayload;

    public int Attempts { get; set; }

    public int AckCount => Volatile.Read(ref _ackCount);

    public Task<JsonObject> FirstAck => _acked.Task;

    public bool IsAcked => _acked.Task.IsCompleted;

    public void Ack(JsonObject ack)
    {
        Interlocked.Increment(ref _ackCount);
        _acked.TrySetResult(ack);
    }

    public JsonObject ToFrame()
    {
        var frame = new JsonObject
        {
            ["envelope_id"] = Id,
            ["type"] = Type,
            ["payload"] = Payload.DeepClone(),
            ["accepts_response_payload"] = AcceptsResponsePayload,
        };
        if (Attempts > 0)
        {
            frame["retry_attempt"] = Attempts;
            frame["retry_reason"] = "timeout";
        }

        return frame;
    }
}
