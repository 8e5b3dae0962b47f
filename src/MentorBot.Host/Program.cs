using MentorBot.Host.Cli;

if (CliVerbs.IsVerb(args))
    return CliVerbs.Run(args, CliConsole.System);

Console.Error.WriteLine("MentorBot host: under construction");
return 0;
