namespace MentorBot.Core.Commands;

/// <summary>What sort of reply this is, so renderers can colour or label it.</summary>
public enum ReplyKind
{
    Info,
    Answer,
    Success,
    Refusal,
}
