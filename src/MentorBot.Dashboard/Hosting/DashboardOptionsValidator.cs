using MentorBot.Core.Dashboard;
using Microsoft.Extensions.Options;

namespace MentorBot.Dashboard.Hosting;

internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
