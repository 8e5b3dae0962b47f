using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MentorBot.Core.Knowledge.Loading;

/// <summary>Typed reads of front-matter fields that record a located problem instead of throwing.</summary>
internal sealed class YamlFields(string file, FrontMatter document, List<KnowledgeProblem> problems)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public string File => file;

    public int HeaderLine => document.HeaderLineOffset + 1;

    /// <summary>The line of the key itself: a block list's node starts at its first item, one line below the key.</summary>
    public int LineOf(string key) =>
        Find(key) is not null && document.Header.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } name } && name == key) is { } keyNode
            ? document.LineOf(keyNode)
            : HeaderLine;

    public void Problem(int line, string message) => problems.Add(new(file, line, message));

    public string String(string key, bool required, int maxLength)
    {
        var node = Find(key);
        if (node is null)
        {
            if (required)
                Problem(HeaderLine, $"missing required field '{key}'");
            return "";
        }

        if (node is not YamlScalarNode scalar)
        {
            Problem(document.LineOf(node), $"'{key}' must be a single text value");
            return "";
        }

        var value = (scalar.Value ?? "").Trim();
        if (required && value.Length == 0)
            Problem(document.LineOf(node), $"'{key}' is empty");
        if (value.Length > maxLength)
            Problem(document.LineOf(node), $"'{key}' is {value.Length} characters; the limit is {maxLength}");
        return value;
    }

    public int Integer(string key)
    {
        var text = String(key, required: true, maxLength: 10);
        if (text.Length > 0 && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Problem(LineOf(key), $"'{key}' must be a whole number, not '{text}'");
            return 0;
        }

        return text.Length == 0 ? 0 : int.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>An optional true/false field; absent is false.</summary>
    public bool Flag(string key)
    {
        var node = Find(key);
        if (node is null)
            return false;
        if (node is YamlScalarNode { Value: { } text } && bool.TryParse(text.Trim(), out var value))
            return value;
        Problem(document.LineOf(node), $"'{key}' must be true or false");
        return false;
    }

    /// <summary>A list of strings with the line of each item, written as a block or flow sequence.</summary>
    public IReadOnlyList<(string Value, int Line)> List(string key, bool required, int maxItemLength)
    {
        var node = Find(key);
        if (node is null)
        {
            if (required)
                Problem(HeaderLine, $"missing required field '{key}'");
            return [];
        }

        if (node is YamlScalarNode { Value: null or "" })
        {
            if (required)
                Problem(document.LineOf(node), $"'{key}' is empty");
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Problem(document.LineOf(node), $"'{key}' must be a list");
            return [];
        }

        var items = new List<(string, int)>();
        foreach (var child in sequence.Children)
        {
            var line = document.LineOf(child);
            if (child is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
            {
                Problem(line, $"every item of '{key}' must be non-empty text");
                continue;
            }

            text = text.Trim();
            if (text.Length > maxItemLength)
                Problem(line, $"an item of '{key}' is {text.Length} characters; the limit is {maxItemLength}");
            items.Add((text, line));
        }

        if (required && items.Count == 0)
            Problem(document.LineOf(node), $"'{key}' has no items");
        return items;
    }

    /// <summary>Reports keys nobody asked for: usually a typo such as 'question' for 'questions'.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (key, _) in document.Header.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && !_read.Contains(name))
                Problem(document.LineOf(key), $"unknown field '{name}'");
        }
    }

    public void Allow(params string[] keys)
    {
        foreach (var key in keys)
            _read.Add(key);
    }

    private YamlNode? Find(string key)
    {
        _read.Add(key);
        return document.Header.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }
}
