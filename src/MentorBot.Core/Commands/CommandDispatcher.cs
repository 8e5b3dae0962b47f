using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Core.Commands;

/// <summary>
/// Routes requests to handlers after checking everything that does not need a handler: size, command, subcommand,
/// permissions and option shapes. Handler failures become a polite refusal so no input can crash an adapter.
/// </summary>
public sealed partial class CommandDispatcher : ICommandDispatcher
{
    public const int MaxTextLength = 2000;

    /// <summary>The refusal of a command whose write found the disk full.</summary>
    public const string StorageFullReply = "Storage is full, nothing was saved. Please try again later.";

    private readonly Dictionary<string, ICommandHandler> _handlers;
    private readonly ILogger<CommandDispatcher> _logger;

    public CommandDispatcher(IEnumerable<ICommandHandler> handlers, ILogger<CommandDispatcher>? logger = null)
    {
        var list = handlers.ToList();
        _handlers = new Dictionary<string, ICommandHandler>(StringComparer.OrdinalIgnoreCase);
        foreach (var handler in list)
        {
            if (!_handlers.TryAdd(handler.Definition.Name, handler))
                throw new InvalidOperationException($"Two handlers claim the command '{handler.Definition.Name}'.");
        }
        Commands = [.. list.Select(h => h.Definition)];
        _logger = logger ?? NullLogger<CommandDispatcher>.Instance;
    }

    public IReadOnlyList<CommandDefinition> Commands { get; }

    public async Task<Reply> DispatchAsync(CommandRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            request = WithCaseInsensitiveOptions(request);
            var refusal = Validate(request, out var handler);
            if (refusal is not null)
                return refusal;
            return await handler!.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Storage.StorageFullException ex)
        {
            LogStorageFull(_logger, ex, request.Command, request.Subcommand);
            return Reply.Refusal(StorageFullReply);
        }
        catch (Exception ex)
        {
            LogHandlerFailed(_logger, ex, request.Command, request.Subcommand, request.Actor.Id.ToString());
            return Reply.Refusal("Something went wrong while handling that command. Please try again in a moment.");
        }
    }

    // Adapters may hand over any dictionary; handlers rely on option names matching regardless of case.
    private static CommandRequest WithCaseInsensitiveOptions(CommandRequest request)
    {
        if (request.Options is Dictionary<string, string> { Comparer: var comparer } && comparer.Equals(StringComparer.OrdinalIgnoreCase))
            return request;
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Options)
            options[name] = value ?? "";
        return request with { Options = options };
    }

    private Reply? Validate(CommandRequest request, out ICommandHandler? handler)
    {
        handler = null;
        var total = (request.Command?.Length ?? 0) + (request.Subcommand?.Length ?? 0);
        foreach (var (key, value) in request.Options)
            total += key.Length + (value?.Length ?? 0);
        if (total > MaxTextLength)
            return Reply.Refusal($"That message is too long. Please keep it under {MaxTextLength:N0} characters.");

        var name = request.Command?.Trim().TrimStart('/') ?? "";
        if (!_handlers.TryGetValue(name, out handler))
            return Reply.Refusal($"I don't know the command '/{name}'. Type /help to see what I can do.");

        var definition = handler.Definition;
        var target = definition;
        CommandDefinition? sub = null;
        if (definition.Subcommands.Count > 0)
        {
            sub = definition.Subcommands.FirstOrDefault(s => string.Equals(s.Name, request.Subcommand, StringComparison.OrdinalIgnoreCase));
            if (sub is null)
            {
                var valid = string.Join(", ", definition.Subcommands.Select(s => s.Name));
                return Reply.Refusal(string.IsNullOrWhiteSpace(request.Subcommand)
                    ? $"{Label(definition, null)} needs a subcommand: {valid}."
                    : $"'{request.Subcommand}' isn't a {Label(definition, null)} subcommand. Try: {valid}.");
            }
            target = sub;
        }

        if ((definition.ModeratorOnly || target.ModeratorOnly) && !request.Actor.IsModerator)
            return Reply.Refusal($"Only moderators can use {Label(definition, sub)}.");

        return ValidateOptions(request, target, definition, sub);
    }

    // Built only for refusals: every accepted command would otherwise pay for strings nobody reads.
    private static string Label(CommandDefinition definition, CommandDefinition? sub) =>
        sub is null ? "/" + definition.Name : "/" + definition.Name + " " + sub.Name;

    private static string Usage(CommandDefinition target) => string.IsNullOrEmpty(target.Usage) ? "" : " Usage: " + target.Usage;

    private static Reply? ValidateOptions(CommandRequest request, CommandDefinition target, CommandDefinition definition, CommandDefinition? sub)
    {
        foreach (var option in target.Options)
        {
            var value = request.Option(option.Name);
            if (value is null)
            {
                if (option.Required)
                    return Reply.Refusal($"{Label(definition, sub)} needs {option.Name}.{Usage(target)}");
                continue;
            }
            if (option.MaxLength is { } max && value.Length > max)
                return Reply.Refusal(Handlers.Phrases.Sentence($"{option.Name} is too long ({value.Length} characters); the limit is {max}."));
            if (option.Type == OptionType.Integer)
            {
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                    return Reply.Refusal(Handlers.Phrases.Sentence($"{option.Name} must be a whole number, not '{value}'.{Usage(target)}"));
                if (option.MinValue is { } min && number < min)
                    return Reply.Refusal(Handlers.Phrases.Sentence($"{option.Name} must be at least {min}."));
            }
            if (option.Type == OptionType.Boolean && !bool.TryParse(value, out _))
                return Reply.Refusal(Handlers.Phrases.Sentence($"{option.Name} must be true or false, not '{value}'."));
        }
        return null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Command /{Command} {Subcommand} from {Actor} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string command, string? subcommand, string actor);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Command /{Command} {Subcommand} refused: storage is full")]
    private static partial void LogStorageFull(ILogger logger, Exception exception, string command, string? subcommand);
}
