using MentorBot.Core.Commands;
using MentorBot.Core.Faq;
using MentorBot.Core.Identity;
using MentorBot.Core.Text;
using Microsoft.Extensions.Options;

namespace MentorBot.Host.Console;

/// <summary>
/// The console as a chat platform: each stdin line is a command from one local learner (a moderator unless
/// <c>Console:IsModerator</c> is false),
/// each reply goes to stdout as plain text. A line without a leading slash is asked as <c>/faq</c>. End of input
/// stops the host, so <c>printf '/faq do I need a degree\n' | dotnet run --project src/MentorBot.Host</c> works.
/// </summary>
internal sealed partial class ConsoleAdapter(
    ConsoleStreams streams,
    ICommandDispatcher dispatcher,
    TextCommandParser parser,
    IOptions<ConsoleOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ConsoleAdapter> logger,
    ConsoleAdapterStatus? status = null) : BackgroundService
{
    public static readonly CommunityId Community = new("console", "local");

    /// <summary>The reply to <c>/faq helpful</c> or <c>/faq unhelpful</c> before any answer carried ratings.</summary>
    public const string NothingToRate = "No answer to rate yet.";

    // The Helpful / Not helpful follow-ups of the last answer: the console has no buttons, so /faq helpful and
    // /faq unhelpful run them. One reader loop uses it, so it needs no lock.
    private IReadOnlyList<FollowUp> _lastRatings = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Set before the first await, so it holds by the time the host has started.
        status?.Set(true);
        try
        {
            await RunAsync(stoppingToken);
        }
        finally
        {
            status?.Set(false);
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and log that it has) before the first reply is printed. This also keeps end of
        // input from stopping the host while Kestrel is still binding, which would fail start-up with a cancellation.
        if (!await HostStartedAsync(stoppingToken))
            return;
        LogListening(logger);
        var actor = new Actor(new LearnerId("console", options.Value.UserId), options.Value.DisplayName, options.Value.IsModerator)
        {
            TimeZoneHint = options.Value.TimeZone,
        };

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var line = await ReadLineAsync(stoppingToken);
                if (line is null)
                    break;
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                Reply reply;
                try
                {
                    reply = await AnswerAsync(line.Trim(), actor, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The dispatcher already turns handler failures into replies; this guards the parser and the
                    // renderer so that no line of input can end the session.
                    LogLineFailed(logger, ex);
                    reply = Reply.Refusal("Something went wrong with that command. Nothing was changed; please try again.");
                }

                var text = PlainTextRenderer.Render(reply);
                if (reply.Attachment is { } attachment)
                    text += streams.Out.NewLine + ConsoleAttachments.Save(attachment, options.Value.AttachmentDirectory);
                if (reply.FollowUps.Where(f => f.Rates).ToList() is { Count: > 0 } ratings)
                {
                    _lastRatings = ratings;
                    text += "\nWas this helpful? Type /faq helpful or /faq unhelpful.";
                }
                streams.WriteMessage(text + streams.Out.NewLine + streams.Out.NewLine);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        LogEndOfInput(logger);
        lifetime.StopApplication();
    }

    private async Task<Reply> AnswerAsync(string line, Actor actor, CancellationToken cancellationToken)
    {
        // "help" alone is the one word a newcomer types first; it means the command list, not a FAQ question.
        if (line.Trim().Equals("help", StringComparison.OrdinalIgnoreCase))
            line = "/help";
        else if (!line.StartsWith('/'))
            line = "/faq " + line;
        if (RatingAsked(line) is { } helpful)
            return await RateAsync(helpful, actor, cancellationToken);
        var parsed = parser.Parse(line);
        if (parsed.Command is not { } command)
            return Reply.Refusal(parsed.Error ?? "I could not read that command. Type /help for the list.");

        var request = command.ToRequest(actor, Community) with { ChannelId = "console" };
        return await dispatcher.DispatchAsync(request, cancellationToken);
    }

    /// <summary>True for <c>/faq helpful</c>, false for <c>/faq unhelpful</c>, null for any other line.</summary>
    private static bool? RatingAsked(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2 || !words[0].Equals("/faq", StringComparison.OrdinalIgnoreCase))
            return null;
        if (words[1].Equals("helpful", StringComparison.OrdinalIgnoreCase))
            return true;
        return words[1].Equals("unhelpful", StringComparison.OrdinalIgnoreCase) ? false : null;
    }

    private async Task<Reply> RateAsync(bool helpful, Actor actor, CancellationToken cancellationToken)
    {
        var vote = helpful ? "up" : "down";
        var rating = _lastRatings.FirstOrDefault(f => f.Options.TryGetValue(FaqHandler.VoteOption, out var v) && v == vote);
        if (rating is null)
            return Reply.Refusal(NothingToRate);
        var request = new CommandRequest(rating.Command, rating.Options, actor, Community) { ChannelId = "console" };
        return await dispatcher.DispatchAsync(request, cancellationToken);
    }

    /// <summary>True once the host has started; false if it is stopping first.</summary>
    private async Task<bool> HostStartedAsync(CancellationToken stoppingToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStarted, stoppingToken);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return !stoppingToken.IsCancellationRequested && lifetime.ApplicationStarted.IsCancellationRequested;
    }

    /// <summary>Console reads do not observe cancellation, so shutdown must not wait for the next line.</summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        // Console.In's ReadLineAsync is synchronous: it blocks its caller until a line or end of input arrives. Called
        // here it would hold ExecuteAsync, and with it shutdown, for the host's whole shutdown timeout (30 s). On a
        // thread of its own the read can be left behind when the host stops.
        var read = Task.Factory.StartNew(
            () => streams.In.ReadLineAsync(cancellationToken).AsTask(),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap();
        var stopped = Task.Delay(Timeout.Infinite, cancellationToken);
        if (await Task.WhenAny(read, stopped) == stopped)
            throw new OperationCanceledException(cancellationToken);
        return await read;
    }

    [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "Console adapter ready: type /help, or a question")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(EventId = 902, Level = LogLevel.Error, Message = "A console command failed")]
    private static partial void LogLineFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 901, Level = LogLevel.Information, Message = "End of console input; stopping")]
    private static partial void LogEndOfInput(ILogger logger);
}
