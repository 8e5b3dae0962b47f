using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MentorBot.Core.Knowledge.Loading;

/// <summary>
/// Reads <c>knowledge/lexicon.yaml</c>: <c>synonyms</c> (a list of word groups), <c>off_topic</c> and <c>in_scope</c>
/// word lists, and <c>facets</c> (a mapping of facet name to its values).
/// </summary>
internal static class LexiconFileReader
{
    public static Lexicon? Read(string file, string text, List<KnowledgeProblem> problems)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
                return Lexicon.Empty;
            if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                problems.Add(new(file, 1, "the lexicon must be a YAML mapping with 'synonyms', 'off_topic' and 'in_scope'"));
                return null;
            }

            root = mapping;
        }
        catch (YamlException ex)
        {
            problems.Add(new(file, (int)ex.Start.Line, $"YAML error: {ex.Message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some malformed input (an unclosed '[').
            problems.Add(new(file, 1, "YAML error: the lexicon cannot be parsed; look for an unclosed '[', '{' or quote"));
            return null;
        }

        var before = problems.Count;
        var groups = new List<IReadOnlyList<string>>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in root.Children)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is not ("synonyms" or "off_topic" or "in_scope" or "facets"))
                problems.Add(new(file, Line(key), $"unknown field '{name}'"));
        }

        if (Child(root, "synonyms") is { } synonyms)
        {
            if (synonyms is not YamlSequenceNode list)
            {
                problems.Add(new(file, Line(synonyms), "'synonyms' must be a list of word groups"));
            }
            else
            {
                foreach (var group in list.Children)
                {
                    var words = Words(file, group, problems);
                    if (words.Count < 2)
                    {
                        problems.Add(new(file, Line(group), "a synonym group needs at least two words"));
                        continue;
                    }

                    foreach (var word in words)
                    {
                        if (!seen.TryAdd(word, Line(group)))
                            problems.Add(new(file, Line(group), $"'{word}' is already in the synonym group on line {seen[word]}"));
                    }

                    groups.Add(words);
                }
            }
        }

        var offTopic = Child(root, "off_topic") is { } off ? Words(file, off, problems) : [];
        var inScope = Child(root, "in_scope") is { } scope ? Words(file, scope, problems) : [];
        var facets = Child(root, "facets") is { } facetNode ? Facets(file, facetNode, problems) : [];
        return problems.Count > before ? null : new Lexicon(groups, offTopic) { InScope = inScope, Facets = facets };
    }

    private static Dictionary<string, IReadOnlyList<string>> Facets(string file, YamlNode node, List<KnowledgeProblem> problems)
    {
        var facets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(new(file, Line(node), "'facets' must map each facet name to a list of values"));
            return facets;
        }

        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value?.Trim().ToLowerInvariant() ?? "";
            if (name.Length == 0)
            {
                problems.Add(new(file, Line(key), "a facet needs a name"));
                continue;
            }

            var values = Words(file, value, problems);
            foreach (var word in values)
            {
                if (!owner.TryAdd(word, name))
                    problems.Add(new(file, Line(value), $"'{word}' is a value of both facets '{owner[word]}' and '{name}'"));
            }

            facets[name] = values;
        }

        return facets;
    }

    private static YamlNode? Child(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static List<string> Words(string file, YamlNode node, List<KnowledgeProblem> problems)
    {
        if (node is not YamlSequenceNode sequence)
        {
            problems.Add(new(file, Line(node), "expected a list of words"));
            return [];
        }

        var words = new List<string>();
        foreach (var child in sequence.Children)
        {
            if (child is YamlScalarNode { Value: { } word } && !string.IsNullOrWhiteSpace(word))
                words.Add(word.Trim().ToLowerInvariant());
            else
                problems.Add(new(file, Line(child), "every word must be non-empty text"));
        }

        return words;
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
