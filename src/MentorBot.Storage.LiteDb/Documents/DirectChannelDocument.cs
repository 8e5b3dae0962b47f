namespace MentorBot.Storage.LiteDb.Documents;

/// <summary>_id is the learner ("platform:user"): one DM channel id per learner.</summary>
internal sealed class DirectChannelDocument
{
    public string Id { get; set; } = "";
    public string ChannelId { get; set; } = "";
}
