namespace MentorBot.Discord.Rest;

public sealed record DmChannelRequest(string RecipientId);
