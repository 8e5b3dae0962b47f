namespace MentorBot.Storage.LiteDb;

/// <summary>A collection whose rows <c>storage migrate</c> does not copy: its name, how many rows it holds, and why.</summary>
public sealed record UncopiedCollection(string Collection, int Rows, string Why);
