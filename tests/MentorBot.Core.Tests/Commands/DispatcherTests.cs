using MentorBot.Core.Commands;
using MentorBot.Core.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Core.Tests.Commands;

public sealed class DispatcherTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Unknown_command_is_refused_naming_help()
    {
        var reply = await _bot.RunAsync("dance");

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Contains("/help", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_names_are_case_insensitive()
    {
        var reply = await _bot.RunAsync("HELP");
        Assert.Equal("MentorBot commands", reply.Title);
    }

    [Fact]
    public async Task Text_over_2000_characters_is_refused_before_anything_runs()
    {
        var reply = await _bot.RunAsync("checkin", options: ("note", new string('x', 2001)));

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Contains("too long", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_bot.Learners.All);
        Assert.Empty(_bot.Activity.Checkins);
    }

    [Fact]
    public async Task Many_options_adding_up_to_over_2000_characters_are_refused()
    {
        var options = Enumerable.Range(0, 5).Select(i => ($"extra{i}", new string('y', 450))).ToArray();

        var reply = await _bot.RunAsync("faq", options: options);

        Assert.Contains("too long", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_bot.Faq.Asked);
    }

    [Fact]
    public async Task Missing_or_unknown_subcommand_is_refused_listing_valid_ones()
    {
        var missing = await _bot.RunAsync("challenge");
        var unknown = await _bot.RunAsync("challenge", subcommand: "delete");

        Assert.Contains("post, list, submit, close", missing.Text, StringComparison.Ordinal);
        Assert.Contains("post, list, submit, close", unknown.Text, StringComparison.Ordinal);
        Assert.Equal(ReplyKind.Refusal, unknown.Kind);
    }

    [Fact]
    public async Task Option_names_match_whatever_dictionary_the_adapter_passes()
    {
        _bot.Faq.Result = new Core.Faq.FaqResult(SampleKnowledge.Portfolio, 1, []);
        var options = new Dictionary<string, string>(StringComparer.Ordinal) { ["Question"] = "portfolio" };

        var reply = await _bot.Dispatcher.DispatchAsync(new CommandRequest("faq", options, BotHarness.Alice, BotHarness.Community));

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(["portfolio"], _bot.Faq.Asked);
    }

    [Fact]
    public async Task Integer_below_minimum_is_refused()
    {
        var reply = await _bot.RunAsync("challenge", subcommand: "close", actor: BotHarness.Mod, options: ("id", "0"));
        Assert.Contains("at least 1", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_exceptions_become_a_polite_refusal_and_are_logged()
    {
        var logger = new ListLogger();
        var dispatcher = new CommandDispatcher([new ThrowingHandler()], logger);

        var reply = await dispatcher.DispatchAsync(new CommandRequest("boom", new Dictionary<string, string>(), BotHarness.Alice, BotHarness.Community));

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.StartsWith("Something went wrong", reply.Text, StringComparison.Ordinal);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    [Fact]
    public async Task Cancellation_is_honoured_not_swallowed()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _bot.Dispatcher.DispatchAsync(new CommandRequest("checkin", new Dictionary<string, string>(), BotHarness.Alice, BotHarness.Community), cts.Token));
        Assert.Empty(_bot.Activity.Checkins);
    }

    [Fact]
    public async Task Cancellation_during_a_handler_propagates()
    {
        using var cts = new CancellationTokenSource();
        var dispatcher = new CommandDispatcher([new CancellingHandler(cts)], NullLogger<CommandDispatcher>.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            dispatcher.DispatchAsync(new CommandRequest("slow", new Dictionary<string, string>(), BotHarness.Alice, BotHarness.Community), cts.Token));
    }

    [Fact]
    public void Duplicate_command_names_are_rejected_at_startup()
    {
        Assert.Throws<InvalidOperationException>(() => new CommandDispatcher([new ThrowingHandler(), new ThrowingHandler()]));
    }

    [Fact]
    public void Every_definition_is_well_formed()
    {
        Assert.Equal(
            ["faq", "roadmap", "task", "checkin", "streak", "leaderboard", "challenge", "subscribe", "unsubscribe", "pause", "schedule", "mydata", "forget", "dashboard", "help"],
            _bot.Dispatcher.Commands.Select(c => c.Name));
        foreach (var command in _bot.Dispatcher.Commands.Concat(_bot.Dispatcher.Commands.SelectMany(c => c.Subcommands)))
        {
            Assert.InRange(command.Description.Length, 1, 100);
            Assert.False(string.IsNullOrWhiteSpace(command.Usage), command.Name);
            Assert.False(command.Options.Count > 0 && command.Subcommands.Count > 0, command.Name);
            // Required options come first so slash-command platforms accept them.
            Assert.True(command.Options.SkipWhile(o => o.Required).All(o => !o.Required), command.Name);
            Assert.All(command.Options, o => Assert.InRange(o.Description.Length, 1, 100));
        }
    }

    [Fact]
    public async Task Help_lists_every_command_with_usage_and_description()
    {
        var reply = await _bot.SendAsync("/help");

        var lines = reply.Text.Split('\n');
        Assert.Equal(_bot.Dispatcher.Commands.Count, lines.Length);
        Assert.Contains("- `/subscribe [day] [time] [timezone]` — Get your roadmap task every week at a day and time you choose", lines);
        Assert.All(_bot.Dispatcher.Commands, c => Assert.Contains(c.Usage, reply.Text, StringComparison.Ordinal));
    }

    private sealed class ThrowingHandler : ICommandHandler
    {
        public CommandDefinition Definition { get; } = new("boom", "Always fails") { Usage = "/boom" };

        public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("kaboom");
    }

    private sealed class CancellingHandler(CancellationTokenSource cts) : ICommandHandler
    {
        public CommandDefinition Definition { get; } = new("slow", "Cancelled midway") { Usage = "/slow" };

        public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
        {
            await cts.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            return new Reply { Text = "unreachable" };
        }
    }

    private sealed class ListLogger : ILogger<CommandDispatcher>
    {
        public List<(LogLevel Level, Exception? Exception, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, exception, formatter(state, exception)));
    }

    // Which commands are personal was a list inside Discord's InteractionProcessor; it is now part of each definition.
    [Fact]
    public void The_personal_commands_are_the_ones_about_the_asker()
    {
        var personal = _bot.Dispatcher.Commands.Where(c => c.Personal).Select(c => c.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["forget", "help", "mydata", "pause", "roadmap", "streak", "subscribe", "task", "unsubscribe"], personal);
    }
}
