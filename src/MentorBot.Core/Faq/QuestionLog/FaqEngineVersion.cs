using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// A short label of what decided a logged question, so decisions from different engines can be told apart:
/// <c>kb-1a2b3c4d cal-2026-12-02 sem-on</c>. <c>kb-</c> is a hash of the knowledge the engine matches against (every
/// entry's id, title, questions and answer, the lexicon), <c>cal-</c> the calibration's fitting date (<c>default</c> for
/// the built-in one), and <c>sem-</c> whether the sentence-embedding model is loaded. Computed once per snapshot.
/// </summary>
public sealed class FaqEngineVersion(IFaqService faq)
{
    private Computed? _last;

    public string For(KnowledgeBase snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Snapshot, snapshot))
            return last.Version;
        var semantic = faq is FaqService { Semantic: true };
        var version = Describe(snapshot, semantic);
        Volatile.Write(ref _last, new Computed(snapshot, version));
        return version;
    }

    /// <summary>The label's part saying the decision was made without the embedding model.</summary>
    public const string LexicalOnlyTag = "sem-off";

    /// <summary>Whether a decision labelled <paramref name="version"/> was made by the lexical engine alone.</summary>
    public static bool IsLexicalOnly(string? version) =>
        version is not null && version.Split(' ').Contains(LexicalOnlyTag, StringComparer.Ordinal);

    private sealed record Computed(KnowledgeBase Snapshot, string Version);

    public static string Describe(KnowledgeBase snapshot, bool semantic)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = new StringBuilder();
        foreach (var entry in snapshot.Faq.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            text.Append(entry.Id).Append('\u001f').Append(entry.Title).Append('\u001f');
            foreach (var question in entry.Questions)
                text.Append(question).Append('\u001f');
            text.Append(entry.Answer).Append('\u001e');
        }
        foreach (var group in snapshot.Lexicon.Synonyms)
            text.Append(string.Join('\u001f', group)).Append('\u001e');
        text.Append(string.Join('\u001f', snapshot.Lexicon.OffTopic)).Append('\u001e');
        text.Append(string.Join('\u001f', snapshot.Lexicon.InScope));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..8];
        var calibration = snapshot.Calibration.Fitted ?? (ReferenceEquals(snapshot.Calibration, FaqCalibration.Default) ? "default" : "custom");
        return string.Create(CultureInfo.InvariantCulture, $"kb-{hash} cal-{calibration} {(semantic ? "sem-on" : LexicalOnlyTag)}");
    }
}
