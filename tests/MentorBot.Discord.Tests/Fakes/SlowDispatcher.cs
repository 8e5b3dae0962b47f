using MentorBot.Core.Commands;

namespace MentorBot.Discord.Tests.Fakes;

/// <summary>A core stand-in whose reply arrives only when the test releases it, to force the deferral path.</summary>
public sealed class SlowDispatcher : ICommandDispatcher
{
    private readonly TaskCompletionSource<Reply> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<CommandDefinition> Commands { get; } = [];

    public int Calls { get; private set; }

    public Task<Reply> DispatchAsync(CommandRequest request, CancellationToken cancellationToken = default)
    {
        Calls++;
        return _reply.Task;
    }

    public void Release(Reply reply) => _reply.SetResult(reply);
}
