using Microsoft.Extensions.Options;

namespace MentorBot.Discord;

/// <summary>Fails start-up with a message naming the configuration key at fault.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
