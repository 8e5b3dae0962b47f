using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Core.Privacy;

namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// The question log as a personal-data source: the <c>questionLog</c> section of <c>/mydata</c>, and for <c>/forget</c>
/// the learner's votes deleted and their questions unlinked. The log keys askers by a per-community hash, so each of the
/// learner's communities is asked in turn.
/// </summary>
public sealed class QuestionLogDataSource(FaqQuestionLog log) : IPersonalDataSource
{
    public string Name => "questionLog";

    public string Describes =>
        "your votes on /faq answers and the suggestions you picked; the questions you asked stay, for the community's statistics, but nothing links them to you any more";

    public async Task<JsonNode?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!log.Enabled)
            return null;
        var questions = new JsonArray();
        var feedback = new JsonArray();
        foreach (var community in subject.Communities.Distinct())
        {
            if (await log.ExportAsync(community, subject.Learner, cancellationToken).ConfigureAwait(false) is not { } records)
                continue;
            foreach (var q in records.Questions)
            {
                questions.Add(new JsonObject
                {
                    ["id"] = q.Id,
                    ["community"] = q.Community.ToString(),
                    ["text"] = q.Text,
                    ["at"] = q.At.ToString("O", CultureInfo.InvariantCulture),
                    ["outcome"] = q.Decision.Outcome.ToString(),
                    ["entry"] = q.Decision.EntryId,
                    ["confidence"] = q.Decision.Confidence,
                    ["suggestions"] = new JsonArray([.. q.Decision.SuggestionIds.Select(s => (JsonNode?)JsonValue.Create(s))]),
                    ["engineVersion"] = q.EngineVersion,
                });
            }
            foreach (var f in records.Feedback)
            {
                feedback.Add(new JsonObject
                {
                    ["community"] = community.ToString(),
                    ["question"] = f.QuestionId,
                    ["kind"] = f.Kind.ToString(),
                    ["entry"] = f.EntryId,
                    ["at"] = f.At.ToString("O", CultureInfo.InvariantCulture),
                });
            }
        }
        return new JsonObject { ["questions"] = questions, ["feedback"] = feedback };
    }

    public async Task<IReadOnlyList<ErasedData>> ForgetAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!log.Enabled)
            return [];
        int unlinked = 0, deleted = 0;
        foreach (var community in subject.Communities.Distinct())
        {
            if (await log.ForgetAsync(community, subject.Learner, cancellationToken).ConfigureAwait(false) is { } forgotten)
            {
                unlinked += forgotten.QuestionsUnlinked;
                deleted += forgotten.FeedbackDeleted;
            }
        }
        return [new("votes on answers and picked suggestions", deleted), new("questions asked (kept, unlinked from you)", 0, unlinked)];
    }
}
