using MentorBot.Host;
using MentorBot.Host.Cli;

if (CliVerbs.IsVerb(args))
    return CliVerbs.Run(args, CliConsole.Standard);

await using var app = BotApplication.Build(args);
if (StartupCheck.Run(app.Services) is { } problem)
{
    Console.Error.WriteLine(problem);
    return 1;
}

await app.RunAsync();
return 0;
