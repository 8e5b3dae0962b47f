namespace MentorBot.Storage.LiteDb.Documents;

/// <summary>_id is the setting's name; the signing key is the only one.</summary>
internal sealed class DashboardSettingDocument
{
    public string Id { get; set; } = "";
    public byte[] Value { get; set; } = [];
}

/// <summary>_id is a used sign-in link's token id; the primary key makes "first to use it" one insert.</summary>
internal sealed class DashboardSignInDocument
{
    public string Id { get; set; } = "";
    public long ExpiresAtUtcTicks { get; set; }
}

/// <summary>_id is the SHA-256 of the session cookie's secret.</summary>
internal sealed class DashboardSessionDocument
{
    public string Id { get; set; } = "";
    public string Community { get; set; } = "";
    public string Moderator { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public long CreatedAtUtcTicks { get; set; }
    public long ExpiresAtUtcTicks { get; set; }
}

/// <summary>_id is an increasing number, so entries of one instant keep their order.</summary>
internal sealed class DashboardAuditDocument
{
    public long Id { get; set; }
    public string Community { get; set; } = "";
    public string Moderator { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Action { get; set; } = "";
    public string Detail { get; set; } = "";
    public long AtUtcTicks { get; set; }
}
