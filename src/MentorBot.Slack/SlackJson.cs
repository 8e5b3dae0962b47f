using System.Text.Json.Serialization;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.WebApi.Responses;

namespace MentorBot.Slack;

/// <summary>
/// Source-generated JSON for every shape the adapter reads, in Slack's snake_case. Strings and flags are read
/// leniently (a value of another shape is absent, see <see cref="LenientStringConverter"/>), as the <c>JsonElement</c>
/// helpers this replaced did: Slack reuses field names with other shapes across event types.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(LenientStringConverter), typeof(LenientBoolConverter)])]
[JsonSerializable(typeof(SlashCommandPayload))]
[JsonSerializable(typeof(EventCallback))]
[JsonSerializable(typeof(SlackEvent))]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(InteractionUser))]
[JsonSerializable(typeof(SlackIdRef))]
[JsonSerializable(typeof(BlockAction))]
[JsonSerializable(typeof(SocketModeEnvelope))]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(PostMessageResponse))]
[JsonSerializable(typeof(ConversationsOpenResponse))]
[JsonSerializable(typeof(UsersInfoResponse))]
[JsonSerializable(typeof(UserObject))]
[JsonSerializable(typeof(UserProfile))]
[JsonSerializable(typeof(ConversationsHistoryResponse))]
[JsonSerializable(typeof(HistoryMessage))]
[JsonSerializable(typeof(MessageMetadata))]
[JsonSerializable(typeof(DeliveryMetadataPayload))]
[JsonSerializable(typeof(ResponseMetadata))]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
[JsonSerializable(typeof(UploadUrlResponse))]
public sealed partial class SlackJson : JsonSerializerContext;
