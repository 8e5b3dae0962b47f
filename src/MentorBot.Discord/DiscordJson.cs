using System.Text.Json.Serialization;
using MentorBot.Discord.Commands;
using MentorBot.Discord.Gateway;
using MentorBot.Discord.Interactions;
using MentorBot.Discord.Rendering;
using MentorBot.Discord.Rest;

namespace MentorBot.Discord;

/// <summary>Source-generated JSON for every shape the adapter sends or reads, in Discord's snake_case.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(AutocompleteResponse))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(DiscordError))]
[JsonSerializable(typeof(DmChannelRequest))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(IdentifyCommand))]
[JsonSerializable(typeof(ResumeCommand))]
[JsonSerializable(typeof(HeartbeatCommand))]
[JsonSerializable(typeof(ReadyEvent))]
[JsonSerializable(typeof(HelloEvent))]
public sealed partial class DiscordJson : JsonSerializerContext;
