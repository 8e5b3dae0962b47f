namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// Which logged questions a moderator should look at: everything the bot did not answer (declined, only suggested, not
/// English) and answers whose confidence is below the cut of the engine mode that gave them. Each mode has its own
/// calibrated answer threshold (the probability scales differ), so the cuts are the current calibration's
/// <see cref="FaqDecisionModel.AnswerAt"/> of each mode plus a band: an answer just above its threshold was nearly
/// declined. A decision's mode is read from its <see cref="LoggedQuestion.EngineVersion"/> (<c>sem-off</c> is lexical
/// only); an unlabelled one is judged with the model's cut.
/// </summary>
/// <param name="WithModel">Answers with the embedding model loaded below this are shaky.</param>
/// <param name="LexicalOnly">Answers of the lexical engine alone below this are shaky.</param>
public sealed record ShakyCut(double WithModel, double LexicalOnly)
{
    /// <summary>The cuts <paramref name="band"/> above each mode's answer threshold of <paramref name="calibration"/>.</summary>
    public static ShakyCut From(FaqCalibration calibration, double band)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return new ShakyCut(calibration.Semantic.AnswerAt + band, calibration.Lexical.AnswerAt + band);
    }

    /// <summary>The cut for a decision made by the engine labelled <paramref name="engineVersion"/>.</summary>
    public double For(string? engineVersion) => FaqEngineVersion.IsLexicalOnly(engineVersion) ? LexicalOnly : WithModel;

    /// <summary>Whether the question belongs on the moderators' list. Small talk never does.</summary>
    public bool IsShaky(LoggedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Decision.Outcome switch
        {
            QuestionOutcome.Declined or QuestionOutcome.Suggested or QuestionOutcome.NotEnglish => true,
            QuestionOutcome.Answered => question.Decision.Confidence is not { } confidence || confidence < For(question.EngineVersion),
            _ => false,
        };
    }
}
