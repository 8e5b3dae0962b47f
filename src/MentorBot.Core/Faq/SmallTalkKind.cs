namespace MentorBot.Core.Faq;

/// <summary>Chat that is not a FAQ question; the bot answers it with a short word about itself instead.</summary>
public enum SmallTalkKind
{
    Greeting,
    Thanks,
    Identity,
    Capabilities,
    Help,
    Farewell,
}
