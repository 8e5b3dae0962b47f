using MentorBot.Core.Commands;

namespace MentorBot.Discord.Tests.Fakes;

/// <summary>
/// A core stand-in whose reply arrives only when the test releases it, to force the deferral path. It defines only the
/// commands a test gives it (their definitions say, for example, which are personal).
/// </summary>
public sealed class SlowDispatcher(params CommandDefinition[] commands) : ICommandDispatcher
{
    private readonly TaskCompletionSource<Reply> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<CommandDefinition> Commands { get; } = commands;

    public int Calls { get; private set; }

    public Task<Reply> DispatchAsync(CommandRequest request, CancellationToken cancellationToken = default)
    {
        Calls++;
        return _reply.Task;
    }

    public void Release(Reply reply) => _reply.SetResult(reply);
}
