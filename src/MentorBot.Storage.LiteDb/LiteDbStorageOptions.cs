namespace MentorBot.Storage.LiteDb;

/// <summary>Where the LiteDB storage keeps its file. Bound from the <c>Storage</c> configuration section.</summary>
public sealed class LiteDbStorageOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Storage";

    /// <summary>Path of the database file; a relative path resolves against the current directory.</summary>
    public string DatabasePath { get; set; } = "data/mentorbot.db";
}
