namespace MentorBot.Core.Commands;

/// <summary>Runs one top-level command. Expected failures come back as <see cref="Reply.Refusal"/>, not exceptions.</summary>
public interface ICommandHandler
{
    CommandDefinition Definition { get; }

    Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}
