using MentorBot.Core.Knowledge;

namespace MentorBot.Host.Knowledge;

/// <summary>Starts hot reload of the knowledge folder once the host runs, and stops it with the host.</summary>
internal sealed class KnowledgeWatcher(FileKnowledgeProvider provider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        provider.Watch();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
