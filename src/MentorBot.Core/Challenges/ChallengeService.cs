using MentorBot.Core.Commands;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Time;

namespace MentorBot.Core.Challenges;

/// <summary>Community challenges: moderators post and close them, learners submit links.</summary>
public sealed class ChallengeService(IChallengeStore challenges, TimeProvider time)
{
    public const int MaxTitleLength = 100;
    public const int MaxDescriptionLength = 1000;
    public const int MaxLinkLength = 500;

    public async Task<ServiceResult<Challenge>> PostAsync(
        Actor actor, CommunityId community, string timeZoneId, string title, string description, string dueText, CancellationToken cancellationToken)
    {
        if (!actor.IsModerator)
            return ServiceResult.Fail<Challenge>("Only moderators can post challenges.");
        title = title.Trim();
        description = description.Trim();
        if (title.Length == 0 || title.Length > MaxTitleLength)
            return ServiceResult.Fail<Challenge>($"A challenge title needs 1 to {MaxTitleLength} characters.");
        if (description.Length == 0 || description.Length > MaxDescriptionLength)
            return ServiceResult.Fail<Challenge>($"A challenge description needs 1 to {MaxDescriptionLength} characters.");
        if (!ScheduleInput.TryParseDate(dueText, out var due))
            return ServiceResult.Fail<Challenge>($"'{dueText}' isn't a date. Write the due date as yyyy-MM-dd, e.g. 2026-12-01.");
        var today = TimeZones.Today(time, timeZoneId);
        if (due < today)
            return ServiceResult.Fail<Challenge>($"The due date {due:yyyy-MM-dd} is in the past; it must be today ({today:yyyy-MM-dd}) or later.");

        var challenge = new Challenge(0, community, title, description, due, actor.Id, time.GetUtcNow(), null);
        return ServiceResult.Ok(await challenges.CreateAsync(challenge, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<ChallengeSummary>> ListOpenAsync(CommunityId community, CancellationToken cancellationToken)
    {
        var open = await challenges.ListAsync(community, includeClosed: false, cancellationToken).ConfigureAwait(false);
        var summaries = new List<ChallengeSummary>(open.Count);
        foreach (var challenge in open)
        {
            var submissions = await challenges.ListSubmissionsAsync(challenge.Id, cancellationToken).ConfigureAwait(false);
            summaries.Add(new ChallengeSummary(challenge, submissions.Count));
        }
        return summaries;
    }

    public async Task<ServiceResult<SubmissionReceipt>> SubmitAsync(
        Actor actor, CommunityId community, string idText, string link, CancellationToken cancellationToken)
    {
        var found = await FindAsync(community, idText, cancellationToken).ConfigureAwait(false);
        if (found.Value is not { } challenge)
            return ServiceResult.Fail<SubmissionReceipt>(found.Error!);
        if (challenge.ClosedAt is not null)
            return ServiceResult.Fail<SubmissionReceipt>(Closed(challenge.Id));
        link = link.Trim();
        if (!IsWebLink(link))
            return ServiceResult.Fail<SubmissionReceipt>($"The link must be an http:// or https:// address of at most {MaxLinkLength} characters.");

        var submission = new ChallengeSubmission(challenge.Id, actor.Id, actor.DisplayName, link, time.GetUtcNow());
        // The check above only spares the write for the common case; a close landing since is caught by the store.
        return await challenges.UpsertSubmissionAsync(submission, cancellationToken).ConfigureAwait(false) switch
        {
            SubmissionOutcome.Added => ServiceResult.Ok(new SubmissionReceipt(challenge, submission, Replaced: false)),
            SubmissionOutcome.Replaced => ServiceResult.Ok(new SubmissionReceipt(challenge, submission, Replaced: true)),
            SubmissionOutcome.ChallengeClosed => ServiceResult.Fail<SubmissionReceipt>(Closed(challenge.Id)),
            _ => ServiceResult.Fail<SubmissionReceipt>($"There is no challenge #{challenge.Id} in this community."),
        };
    }

    public async Task<ServiceResult<ChallengeClosure>> CloseAsync(Actor actor, CommunityId community, string idText, CancellationToken cancellationToken)
    {
        if (!actor.IsModerator)
            return ServiceResult.Fail<ChallengeClosure>("Only moderators can close challenges.");
        var found = await FindAsync(community, idText, cancellationToken).ConfigureAwait(false);
        if (found.Value is not { } challenge)
            return ServiceResult.Fail<ChallengeClosure>(found.Error!);
        var closedAt = time.GetUtcNow();
        if (challenge.ClosedAt is not null || !await challenges.TryCloseAsync(challenge.Id, closedAt, cancellationToken).ConfigureAwait(false))
            return ServiceResult.Fail<ChallengeClosure>($"Challenge #{challenge.Id} is already closed.");
        var submissions = await challenges.ListSubmissionsAsync(challenge.Id, cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(new ChallengeClosure(challenge with { ClosedAt = closedAt }, submissions));
    }

    public static bool IsWebLink(string link) =>
        link.Length <= MaxLinkLength
        && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    private static string Closed(int id) => $"Challenge #{id} is closed, so it no longer takes submissions.";

    // A challenge of another community is reported as missing so ids do not leak across servers.
    private async Task<ServiceResult<Challenge>> FindAsync(CommunityId community, string idText, CancellationToken cancellationToken)
    {
        var trimmed = idText.Trim().TrimStart('#');
        if (!int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            return ServiceResult.Fail<Challenge>($"'{idText}' isn't a challenge number. Use the number from /challenge list, e.g. id:3.");
        var challenge = await challenges.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (challenge is null || challenge.Community != community)
            return ServiceResult.Fail<Challenge>($"There is no challenge #{id} in this community.");
        return ServiceResult.Ok(challenge);
    }
}
