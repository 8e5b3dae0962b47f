using System.Reflection;
using Microsoft.Extensions.Logging;

namespace MentorBot.Host.Tests;

/// <summary>
/// Event ids are how operators filter and alert on log lines, so two messages sharing one id make
/// such a filter silently match the wrong thing. The source generator does not check across classes
/// or assemblies; this test does, over every MentorBot assembly the host ships with.
/// </summary>
public sealed class LogEventIdTests
{
    private static List<(string Method, LoggerMessageAttribute Attribute)> AllLoggerMessages()
    {
        // Loading every MentorBot.*.dll next to the tests covers assemblies the host only reaches by reflection.
        var assemblies = Directory.GetFiles(AppContext.BaseDirectory, "MentorBot.*.dll")
            .Where(path => !Path.GetFileName(path).Contains(".Tests", StringComparison.Ordinal))
            .Select(path => Assembly.LoadFrom(path))
            .ToList();
        Assert.Contains(assemblies, a => a.GetName().Name == "MentorBot.Core");
        Assert.Contains(assemblies, a => a.GetName().Name == "MentorBot.Discord");
        Assert.Contains(assemblies, a => a.GetName().Name == "MentorBot.Slack");

        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        return assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(all))
            .Select(m => (Method: $"{m.DeclaringType!.Assembly.GetName().Name}: {m.DeclaringType.FullName}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Method, x.Attribute!))
            .ToList();
    }

    [Fact]
    public void Every_logger_message_has_an_explicit_positive_event_id()
    {
        var messages = AllLoggerMessages();
        Assert.True(messages.Count > 50, $"expected the solution's log messages, found {messages.Count}");

        // An omitted EventId is -1 on the attribute (the generator then hashes the method name), 0 is "none".
        var missing = messages.Where(m => m.Attribute.EventId <= 0).Select(m => m.Method).ToList();
        Assert.True(missing.Count == 0, "log messages without an explicit event id:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Event_ids_are_unique_across_all_assemblies()
    {
        var duplicates = AllLoggerMessages()
            .Where(m => m.Attribute.EventId > 0)
            .GroupBy(m => m.Attribute.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}")
            .ToList();

        Assert.True(duplicates.Count == 0, "event ids used more than once:\n" + string.Join("\n", duplicates));
    }
}
