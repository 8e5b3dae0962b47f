using Microsoft.Extensions.Options;

namespace MentorBot.Slack;

/// <summary>Checks the settings the chosen mode needs, with messages that name the configuration key to fix.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
            failures.Add("Slack:BotToken must be the bot user OAuth token (it starts with xoxb-).");
        if (options.Mode == SlackMode.SocketMode && !options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
            failures.Add("Slack:AppToken must be an app-level token (it starts with xapp-) with the connections:write scope, because Slack:Mode is SocketMode.");
        if (options.Mode == SlackMode.Http && string.IsNullOrWhiteSpace(options.SigningSecret))
            failures.Add("Slack:SigningSecret must be set (Basic Information → Signing Secret), because Slack:Mode is Http.");
        if (!options.ApiBaseUrl.IsAbsoluteUri)
            failures.Add("Slack:ApiBaseUrl must be an absolute URL such as https://slack.com/api/.");
        if (options.AckBudget <= TimeSpan.Zero || options.AckBudget >= TimeSpan.FromSeconds(3))
            failures.Add("Slack:AckBudget must be between 0 and 3 seconds, since Slack waits 3 seconds for an acknowledgement.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
