using MentorBot.Core.Knowledge;
using MentorBot.Host;
using MentorBot.Host.Cli;
using Microsoft.Extensions.Options;

if (CliVerbs.IsVerb(args))
    return CliVerbs.Run(args, CliConsole.Standard);

try
{
    await using var app = BotApplication.Build(args);
    await app.RunAsync();
    return 0;
}
catch (InvalidKnowledgeException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine($"Invalid configuration: {string.Join(" ", ex.Failures)}");
    return 1;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    // Typically Storage:DatabasePath names a folder that cannot be created or a file that cannot be opened.
    Console.Error.WriteLine($"Could not start: {ex.Message}");
    return 1;
}
