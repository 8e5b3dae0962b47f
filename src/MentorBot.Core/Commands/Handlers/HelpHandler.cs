using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Core.Commands.Handlers;

/// <summary>
/// <c>/help</c>: one line per command. It reads the dispatcher's list lazily because the dispatcher is built from
/// every handler, this one included.
/// </summary>
public sealed class HelpHandler(IServiceProvider services) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("help", "List everything MentorBot can do")
    {
        Personal = true,
        Usage = "/help",
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var commands = services.GetRequiredService<ICommandDispatcher>().Commands;
        var text = new StringBuilder();
        foreach (var command in commands)
        {
            if (text.Length > 0)
                text.Append('\n');
            var usage = string.IsNullOrEmpty(command.Usage) ? "/" + command.Name : command.Usage;
            text.Append("- `").Append(usage).Append("` — ").Append(command.Description);
        }
        return Task.FromResult(new Reply
        {
            Title = "MentorBot commands",
            Text = text.ToString(),
            Footer = "Options can be named (due:2026-12-01) or given in order.",
            Visibility = ReplyVisibility.OnlyYou,
        });
    }
}
