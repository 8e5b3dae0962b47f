using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Faq;

/// <summary>One ranked entry with the signals behind its rank, kept apart so the confidence can weigh them.</summary>
internal sealed record FaqCandidate(FaqEntry Entry, double Score, double Phrasing, double Lexical, double Coverage, double Matched);
