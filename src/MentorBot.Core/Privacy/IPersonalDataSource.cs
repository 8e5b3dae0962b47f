namespace MentorBot.Core.Privacy;

/// <summary>
/// One area of storage that holds personal data (the mentoring stores, the question log, …). <c>/mydata</c> exports
/// every registered source and <c>/forget</c> erases every one, so an area added later is covered by registering its
/// source: <c>services.AddSingleton&lt;IPersonalDataSource, MySource&gt;()</c>.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The key of this source's section in the export's <c>data</c> object, in camelCase, e.g. <c>questionLog</c>.</summary>
    string Name { get; }

    /// <summary>
    /// What <c>/forget</c> will do to this area, as a phrase that completes "This deletes …", e.g. "the questions
    /// you asked /faq". Shown before the learner confirms.
    /// </summary>
    string Describes { get; }

    /// <summary>Everything the area holds about <paramref name="subject"/> as JSON (camelCase names, ISO 8601 times); null when nothing.</summary>
    Task<System.Text.Json.Nodes.JsonNode?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken);

    /// <summary>Erases <paramref name="subject"/> from the area (atomically where the storage allows) and says what it did.</summary>
    Task<IReadOnlyList<ErasedData>> ForgetAsync(PersonalDataSubject subject, CancellationToken cancellationToken);
}
