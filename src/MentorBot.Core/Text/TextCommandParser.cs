using System.Text;
using MentorBot.Core.Commands;

namespace MentorBot.Core.Text;

/// <summary>
/// Turns a typed line such as <c>/challenge post "Build a URL shortener" Make it fast due:2026-12-01</c> into a
/// command, for adapters without native slash commands (console, Slack text).
/// </summary>
public sealed class TextCommandParser
{
    private readonly IReadOnlyList<CommandDefinition> _commands;
    private readonly Dictionary<string, CommandDefinition> _byName;

    public TextCommandParser(IEnumerable<CommandDefinition> commands)
    {
        _commands = [.. commands];
        _byName = _commands.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    public TextParseResult Parse(string line)
    {
        var text = (line ?? "").Trim();
        if (text.StartsWith('/'))
            text = text[1..];
        var tokens = TextTokenizer.Tokenize(text);
        if (tokens.Count == 0)
            return TextParseResult.Fail($"Type a command, for example /help. Commands: {CommandList()}.");

        var name = tokens[0].Value;
        if (!_byName.TryGetValue(name, out var command))
            return TextParseResult.Fail($"Unknown command '{name}'. Try one of: {CommandList()}.");

        var rest = tokens.Skip(1).ToList();
        string? subcommand = null;
        var target = command;
        if (command.Subcommands.Count > 0)
        {
            var valid = string.Join(", ", command.Subcommands.Select(s => s.Name));
            if (rest.Count == 0)
                return TextParseResult.Fail($"/{command.Name} needs a subcommand: {valid}.");
            var sub = command.Subcommands.FirstOrDefault(s => string.Equals(s.Name, rest[0].Value, StringComparison.OrdinalIgnoreCase));
            if (sub is null)
                return TextParseResult.Fail($"Unknown subcommand '{rest[0].Value}' for /{command.Name}. Valid: {valid}.");
            subcommand = sub.Name;
            target = sub;
            rest.RemoveAt(0);
        }

        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<TextToken>();
        foreach (var token in rest)
        {
            if (TryNamed(token, target, out var option, out var value))
                options[option] = value;
            else
                positional.Add(token);
        }

        var error = FillPositional(text, target, positional, options);
        if (error is not null)
            return TextParseResult.Fail(error);

        return TextParseResult.Ok(new ParsedCommand(command.Name, subcommand, options));
    }

    private string CommandList() => string.Join(", ", _commands.Select(c => "/" + c.Name));

    private static bool TryNamed(TextToken token, CommandDefinition target, out string option, out string value)
    {
        option = "";
        value = "";
        if (token.Value.Length == 0 || token.Value[0] == '"')
            return false;
        var colon = token.Value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return false;
        var name = token.Value[..colon];
        var match = target.Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
        if (match is null)
            return false;
        option = match.Name;
        value = token.Value[(colon + 1)..];
        return true;
    }

    private static string? FillPositional(string text, CommandDefinition target, List<TextToken> positional, Dictionary<string, string> options)
    {
        var open = target.Options.Where(o => !options.ContainsKey(o.Name)).ToList();
        var absorber = open.LastOrDefault(o => o.Type == OptionType.String);
        var index = 0;
        foreach (var option in open)
        {
            if (index >= positional.Count)
                return null;
            if (option == absorber)
            {
                options[option.Name] = Absorb(text, positional.Skip(index).ToList());
                return null;
            }
            options[option.Name] = positional[index].Value;
            index++;
        }
        if (index < positional.Count)
        {
            var extra = string.Join(" ", positional.Skip(index).Select(t => t.Value));
            var usage = string.IsNullOrEmpty(target.Usage) ? "" : $" Usage: {target.Usage}";
            return $"I don't know what to do with '{extra}'.{usage}";
        }
        return null;
    }

    // The free-text option keeps what was typed, quotes and all, unless it is one quoted phrase.
    private static string Absorb(string text, List<TextToken> tokens)
    {
        if (tokens.Count == 1)
            return tokens[0].Value;
        var builder = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0)
            {
                // A named option pulled out from between two words leaves a single space, not its text.
                var gap = text[tokens[i - 1].End..tokens[i].Start];
                builder.Append(string.IsNullOrWhiteSpace(gap) ? gap : " ");
            }
            builder.Append(tokens[i].Raw(text));
        }
        return builder.ToString();
    }
}
