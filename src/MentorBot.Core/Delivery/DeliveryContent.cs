namespace MentorBot.Core.Delivery;

/// <summary>What a delivery will say, decided when it is enqueued.</summary>
public sealed record DeliveryContent(DeliveryKind Kind, int RoadmapWeek);
