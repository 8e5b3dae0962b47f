using MentorBot.Core.Faq;

namespace MentorBot.Host.Faq;

/// <summary>
/// Loads the model and builds the indexes while the host starts, so the first learner's question does not pay for
/// them and /healthz answers only once the bot can answer.
/// </summary>
internal sealed class FaqWarmup(FaqService faq) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        faq.Warm();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
