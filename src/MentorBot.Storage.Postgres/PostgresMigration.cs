namespace MentorBot.Storage.Postgres;

/// <summary>One step of the schema: applied once, in its own transaction, and recorded in <c>schema_migrations</c>.</summary>
public sealed record PostgresMigration(int Version, string Name, string Sql);
