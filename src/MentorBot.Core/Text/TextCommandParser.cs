using System.Text;
using MentorBot.Core.Commands;
using MentorBot.Core.Time;

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
        for (var i = 0; i < rest.Count; i++)
        {
            if (!TryNamed(rest[i], target, out var option, out var value))
            {
                positional.Add(rest[i]);
                continue;
            }
            // Free text runs until the next name: of this command, so title:Todo API needs no quotes.
            if (option.Shape == TextShape.Words)
            {
                var last = i;
                while (last + 1 < rest.Count && !TryNamed(rest[last + 1], target, out _, out _))
                    last++;
                if (last > i)
                {
                    var first = rest[i].Raw(text);
                    var head = first[(first.IndexOf(':', StringComparison.Ordinal) + 1)..];
                    value = head + text[rest[i].End..rest[last].End];
                    i = last;
                }
            }
            options[option.Name] = value;
        }

        var error = FillPositional(text, target, positional, options);
        if (error is not null)
            return TextParseResult.Fail(error);

        return TextParseResult.Ok(new ParsedCommand(command.Name, subcommand, options));
    }

    private string CommandList() => string.Join(", ", _commands.Select(c => "/" + c.Name));

    private static bool TryNamed(TextToken token, CommandDefinition target, out OptionDefinition option, out string value)
    {
        option = null!;
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
        option = match;
        value = token.Value[(colon + 1)..];
        return true;
    }

    /// <summary>
    /// Fills the options not given by name from the remaining words. Options before the last free-text one take a word
    /// each from the front, options after it a word each from the back (a date only if the word is one), and the free
    /// text takes what is left between: <c>/challenge post "Todo API" Build a REST API 2026-12-31</c>.
    /// </summary>
    private static string? FillPositional(string text, CommandDefinition target, List<TextToken> positional, Dictionary<string, string> options)
    {
        var open = target.Options.Where(o => !options.ContainsKey(o.Name)).ToList();
        var absorberIndex = open.FindLastIndex(o => o.Type == OptionType.String && o.Shape == TextShape.Words);
        if (absorberIndex < 0)
            absorberIndex = open.FindLastIndex(o => o.Type == OptionType.String && o.Shape == TextShape.Word);
        var front = 0;
        var back = positional.Count;
        var before = absorberIndex < 0 ? open : open.Take(absorberIndex).ToList();
        foreach (var option in before)
        {
            if (front >= back)
                return null;
            options[option.Name] = positional[front].Value;
            front++;
        }
        if (absorberIndex >= 0)
        {
            for (var i = open.Count - 1; i > absorberIndex && back - front > 1; i--)
            {
                var word = positional[back - 1].Value;
                if (open[i].Shape == TextShape.Date && !ScheduleInput.TryParseDate(word, out _))
                    continue;
                options[open[i].Name] = word;
                back--;
            }
            if (front < back)
                options[open[absorberIndex].Name] = Absorb(text, positional.GetRange(front, back - front));
            return null;
        }
        if (front < positional.Count)
        {
            var extra = string.Join(" ", positional.Skip(front).Select(t => t.Value));
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
