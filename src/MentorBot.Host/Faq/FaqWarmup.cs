using System.Runtime;
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
        // Building the indexes and loading the model leave tens of megabytes of garbage that server GC would keep
        // committed until enough later allocation comes along; one compacting collection at start returns it (about
        // 10 MiB of an idle host's resident memory, measured with the memory benchmark).
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
