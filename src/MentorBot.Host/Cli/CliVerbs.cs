using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Cli;

/// <summary>
/// The one-shot verbs (<c>ask</c>, <c>faq eval</c>, <c>health</c>, <c>knowledge check</c>, <c>storage migrate</c>). All but
/// <c>storage migrate</c> read knowledge, answer and exit without starting adapters, storage or the web server, so they
/// are safe to run beside a live bot; <c>storage migrate</c> needs the bot stopped, as it opens the LiteDB file.
/// </summary>
internal static class CliVerbs
{
    public const string Usage = """
        Usage: MentorBot.Host [verb]
          (no verb)                    run the bot (console adapter unless Discord or Slack is configured)
          ask "QUESTION" [--json]      answer one question; with --json and no question, one per stdin line
          ask "QUESTION" --explain     both rankers' candidates, the fused signals, the calibrated confidence and the decision
          faq eval FILE [--min-in-scope P] [--min-declined Q]
                                       score the FAQ engine on a question<TAB>expected TSV file; exit 1 below a floor (percent)
          faq calibrate --out FILE SET.tsv...
                                       refit the FAQ engine's fusion and decision on labelled sets (never the reported ones)
          health [--url URL]           ask the running host's /healthz (default: the address it listens on); exit 0 healthy, 1 not
          knowledge check              validate the knowledge folder; exit code 1 if anything is wrong
          storage migrate --from litedb:PATH --to postgres:CONNSTRING
                                       copy a LiteDB file into PostgreSQL, print and verify the counts per table
        """;

    /// <summary>
    /// True when the command line is for <see cref="Run"/>: a known verb, or any bare word (a mistyped verb gets the
    /// usage and exit code 2 rather than silently starting the bot). Host settings (<c>--urls …</c>,
    /// <c>/key value</c>, <c>key=value</c>) still run the bot.
    /// </summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (args[0] is "ask" or "faq" or "health" or "knowledge" or "storage" or "help" or "--help" or "-h"
            || (args[0].Length > 0 && args[0][0] is not ('-' or '/') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static int Run(string[] args, CliConsole console, IConfiguration? configuration = null)
    {
        configuration ??= CliConfiguration.Build();
        var root = KnowledgePath.Resolve(configuration);
        switch (args)
        {
            case ["health"]:
                return HealthVerb.Run(null, configuration, console);
            case ["health", "--url", var url]:
                return HealthVerb.Run(url, configuration, console);
            case ["knowledge", "check"]:
                return KnowledgeCheckVerb.Run(root, console);
            case ["ask", .. var rest]:
                return WithKnowledge(root, configuration, console, faq => AskVerb.Run(faq, rest, console));
            case ["faq", "eval", var file, .. var floors]:
                return FaqEvalVerb.TryParseFloors(floors, out var minInScope, out var minDeclined, console)
                    ? WithKnowledge(root, configuration, console, faq => FaqEvalVerb.Run(faq, file, minInScope, minDeclined, console))
                    : 2;
            case ["faq", "calibrate", "--out", var output, .. var sets]:
                return WithKnowledge(root, configuration, console, faq => FaqCalibrateVerb.Run(faq, output, sets, TimeProvider.System, console));
            case ["storage", "migrate", "--from", var from, "--to", var to]:
                return StorageMigrateVerb.Run(from, to, console);
            case ["storage", "migrate", "--to", var to, "--from", var from]:
                return StorageMigrateVerb.Run(from, to, console);
            case ["help" or "--help" or "-h", ..]:
                console.Out.WriteLine(Usage);
                return 0;
            default:
                console.Error.WriteLine($"Unknown command line: {string.Join(' ', args)}");
                console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private static int WithKnowledge(string root, IConfiguration configuration, CliConsole console, Func<FaqService, int> verb)
    {
        var result = KnowledgeLoader.Load(root);
        if (!result.IsValid)
        {
            foreach (var problem in result.Problems)
                console.Error.WriteLine(problem);
            console.Error.WriteLine($"The knowledge folder '{root}' is invalid; run 'knowledge check' for details.");
            return 1;
        }

        return verb(CliFaq.Create(result.Knowledge!, configuration));
    }
}
