namespace MentorBot.Core.Faq;

/// <summary>Why the engine ranked entries as it did: the analysed terms and the signals of the top candidates.</summary>
public sealed record FaqExplanation(IReadOnlyList<string> Terms, IReadOnlyList<FaqExplainedCandidate> Candidates);

/// <summary>One candidate's signals: overall score, best phrasing similarity, BM25 share and coverage.</summary>
public sealed record FaqExplainedCandidate(string Id, double Score, double Phrasing, double Lexical, double Coverage, double Matched);
