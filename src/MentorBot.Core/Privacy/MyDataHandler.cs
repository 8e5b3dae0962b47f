using System.Globalization;
using MentorBot.Core.Commands;

namespace MentorBot.Core.Privacy;

/// <summary>
/// <c>/mydata</c>: everything MentorBot stores about the asker, as a JSON file only they see. It reads and never
/// writes, so asking creates no profile.
/// </summary>
public sealed class MyDataHandler(PrivacyService privacy, TimeProvider time) : ICommandHandler
{
    public const string MediaType = "application/json";

    public CommandDefinition Definition { get; } = new("mydata", "Download everything MentorBot stores about you, as a JSON file")
    {
        Personal = true,
        Usage = "/mydata",
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var learner = request.Actor.Id;
        var json = await privacy.ExportAsync(learner, request.Community, cancellationToken).ConfigureAwait(false);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return new Reply
        {
            Title = "Your data",
            Text = "Attached is everything MentorBot stores about you, as JSON. To delete it, run `/forget`.",
            Visibility = ReplyVisibility.OnlyYou,
            // The user id is a platform id (letters, digits, - _ .), safe in a file name on every system.
            Attachment = new ReplyAttachment($"mydata-{learner.Platform}-{learner.UserId}-{stamp}.json", MediaType, json),
        };
    }
}
