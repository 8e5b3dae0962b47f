namespace MentorBot.Core.Privacy;

/// <summary>One line of a <c>/forget</c> report: how many <see cref="What"/> were deleted, and how many kept but anonymised.</summary>
public sealed record ErasedData(string What, int Deleted, int Anonymised = 0);
