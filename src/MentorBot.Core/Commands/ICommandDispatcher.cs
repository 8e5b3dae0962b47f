namespace MentorBot.Core.Commands;

/// <summary>The core's single entry point for adapters.</summary>
public interface ICommandDispatcher
{
    /// <summary>Every command the core understands, in <c>/help</c> order.</summary>
    IReadOnlyList<CommandDefinition> Commands { get; }

    Task<Reply> DispatchAsync(CommandRequest request, CancellationToken cancellationToken = default);
}
