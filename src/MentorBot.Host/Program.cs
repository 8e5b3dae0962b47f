using MentorBot.Host;
using MentorBot.Host.Cli;
using Microsoft.AspNetCore.Connections;

if (CliVerbs.IsVerb(args))
    return CliVerbs.Run(args, CliConsole.Standard);

await using var app = BotApplication.Build(args);
if ((ListenAddressCheck.Problem(app.Configuration) ?? StartupCheck.Run(app.Services)) is { } problem)
{
    Console.Error.WriteLine(problem);
    return 1;
}

try
{
    await app.RunAsync();
}
catch (IOException ex) when (ex.InnerException is AddressInUseException)
{
    // Taken after ListenAddressCheck tried it: Kestrel's message names the address.
    Console.Error.WriteLine($"{ex.Message} Stop whatever holds it, or choose another address with --urls or ASPNETCORE_URLS (setting 'urls').");
    return 1;
}

return 0;
