namespace MentorBot.Core.Commands;

/// <summary>
/// The shape of a command or subcommand, from which adapters register slash commands and parse text.
/// A command has either <see cref="Options"/> or <see cref="Subcommands"/>, not both.
/// </summary>
public sealed record CommandDefinition(string Name, string Description)
{
    public IReadOnlyList<OptionDefinition> Options { get; init; } = [];

    public IReadOnlyList<CommandDefinition> Subcommands { get; init; } = [];

    /// <summary>Only moderators may run it. On a top-level command adapters may also hide it from others.</summary>
    public bool ModeratorOnly { get; init; }

    /// <summary>
    /// The handler answers from memory alone (no storage, network or locks held for long) in microseconds. Adapters
    /// that guard a reply deadline by running commands on another thread may run such a command on the calling thread
    /// instead: the hand-off would cost more than the command.
    /// </summary>
    public bool AnswersFromMemory { get; init; }

    /// <summary>
    /// Its replies are about the asker (their streak, task, subscription). An adapter that must choose who sees a
    /// placeholder before the answer exists (Discord's deferred "thinking…") keeps it private for these.
    /// </summary>
    public bool Personal { get; init; }

    /// <summary>One line of usage for <c>/help</c>, e.g. <c>/subscribe [day] [time] [timezone]</c>.</summary>
    public string Usage { get; init; } = "";
}
