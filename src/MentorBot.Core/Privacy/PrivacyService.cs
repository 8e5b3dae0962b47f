using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Learners;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Core.Privacy;

/// <summary>
/// A learner's own data: the export behind <c>/mydata</c> and the confirmed erasure behind <c>/forget</c>, each over
/// every registered <see cref="IPersonalDataSource"/>. Only ever about the learner who asks: nothing here takes
/// another person's id from input.
/// </summary>
public sealed partial class PrivacyService(
    IEnumerable<IPersonalDataSource> sources,
    LearnerService learners,
    LearnerLocks locks,
    IForgetRequests forgetRequests,
    TimeProvider time,
    SubscriptionChanges? subscriptionChanges = null,
    ILogger<PrivacyService>? logger = null)
{
    /// <summary>How long a <c>/forget</c> request waits for its confirmation.</summary>
    public static readonly TimeSpan ConfirmationWindow = TimeSpan.FromMinutes(5);

    /// <summary>The <c>format</c> value of the export; a change to the shape gets a new one.</summary>
    public const string ExportFormat = "mentorbot-mydata/1";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // A file for the learner to read, not HTML: names in any script stay readable instead of \uXXXX.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly IReadOnlyList<IPersonalDataSource> _sources = [.. sources];
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>What <c>/forget</c> deletes, one phrase per source.</summary>
    public IReadOnlyList<string> Describes => [.. _sources.Select(s => s.Describes)];

    /// <summary>The learner's data as indented UTF-8 JSON (see docs/privacy.md for the shape).</summary>
    public async Task<byte[]> ExportAsync(LearnerId learner, CommunityId askedFrom, CancellationToken cancellationToken)
    {
        var subject = await SubjectAsync(learner, askedFrom, cancellationToken).ConfigureAwait(false);
        var data = new JsonObject();
        foreach (var source in _sources)
            data[source.Name] = await source.ExportAsync(subject, cancellationToken).ConfigureAwait(false);
        var export = new JsonObject
        {
            ["format"] = ExportFormat,
            ["exportedAt"] = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["learner"] = learner.ToString(),
            ["askedFrom"] = askedFrom.ToString(),
            ["data"] = data,
        };
        var id = learner.ToString();
        LogExported(_logger, id);
        return JsonSerializer.SerializeToUtf8Bytes(export, Indented);
    }

    /// <summary>Opens (or renews) the learner's confirmation window and returns when it ends.</summary>
    public async Task<DateTimeOffset> RequestAsync(LearnerId learner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + ConfirmationWindow;
        // Ended requests are dropped as new ones come in, so only the last few minutes' worth is held.
        await forgetRequests.OpenAsync(learner, until, now, cancellationToken).ConfigureAwait(false);
        return until;
    }

    /// <summary>
    /// Erases the learner from every source if they asked within <see cref="ConfirmationWindow"/>; otherwise a refusal
    /// naming what to do. The request is used up either way, so one request erases once.
    /// </summary>
    public async Task<ForgetOutcome> ConfirmAsync(LearnerId learner, CommunityId askedFrom, CancellationToken cancellationToken)
    {
        // Taken, not read: of two confirmations racing on two hosts, one erases and the other finds no request.
        if (await forgetRequests.TakeAsync(learner, cancellationToken).ConfigureAwait(false) is not { } until)
            return ForgetOutcome.NotRequested;
        if (time.GetUtcNow() > until)
            return ForgetOutcome.Expired;

        var subject = await SubjectAsync(learner, askedFrom, cancellationToken).ConfigureAwait(false);
        var erased = new List<ErasedData>();
        // Under the learner's lock, so a command of theirs running at the same moment cannot recreate the profile halfway.
        using (await locks.AcquireAsync(learner, cancellationToken).ConfigureAwait(false))
        {
            foreach (var source in _sources)
                erased.AddRange(await source.ForgetAsync(subject, cancellationToken).ConfigureAwait(false));
        }
        // The delivery engine caches the subscription list; the erasure removed one behind its back.
        subscriptionChanges?.Bump();
        var (id, deleted, anonymised) = (learner.ToString(), erased.Sum(e => e.Deleted), erased.Sum(e => e.Anonymised));
        LogForgotten(_logger, id, deleted, anonymised);
        return new ForgetOutcome(ForgetStatus.Done, erased);
    }

    private async Task<PersonalDataSubject> SubjectAsync(LearnerId learner, CommunityId askedFrom, CancellationToken cancellationToken)
    {
        var profile = await learners.FindAsync(learner, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<CommunityId> communities = [.. new[] { askedFrom }.Concat(profile?.Communities ?? []).Distinct()];
        return new PersonalDataSubject(learner, askedFrom, communities);
    }

    [LoggerMessage(EventId = 1700, Level = LogLevel.Information, Message = "Learner {Learner} exported their data (/mydata)")]
    private static partial void LogExported(ILogger logger, string learner);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Information, Message = "Learner {Learner} erased their data (/forget): {Deleted} rows deleted, {Anonymised} anonymised")]
    private static partial void LogForgotten(ILogger logger, string learner, int deleted, int anonymised);
}
