using Microsoft.Extensions.Hosting;

namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// Writes the questions still queued when the host stops, within its shutdown timeout. Questions logged after this
/// (work the background queue finishes later) are written when <see cref="FaqQuestionLog"/> is disposed.
/// </summary>
public sealed class QuestionLogShutdown(FaqQuestionLog log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => log.FlushForShutdownAsync(cancellationToken);
}
