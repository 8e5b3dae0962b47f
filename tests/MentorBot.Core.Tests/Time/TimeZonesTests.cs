using MentorBot.Core.Time;

namespace MentorBot.Core.Tests.Time;

public sealed class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("asia/kolkata", "Asia/Kolkata")]
    [InlineData("AMERICA/NEW_YORK", "America/New_York")]
    [InlineData("utc", "UTC")]
    [InlineData(" UTC ", "UTC")]
    public void Resolves_iana_ids_case_insensitively(string input, string expected)
    {
        Assert.True(TimeZones.TryResolve(input, out var zone, out var canonical));
        Assert.Equal(expected, canonical);
        Assert.NotNull(zone);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Europe/Berlin; DROP TABLE")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("Berlin")]
    [InlineData(null)]
    public void Rejects_junk(string? input)
    {
        Assert.False(TimeZones.TryResolve(input, out _, out _));
    }

    [Fact]
    public void Unknown_stored_zone_falls_back_to_utc()
    {
        Assert.Equal(TimeZoneInfo.Utc, TimeZones.FindOrUtc("Nowhere/Land"));
    }

    [Fact]
    public void Local_date_follows_the_zone_not_utc()
    {
        var instant = new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 11, 24), TimeZones.LocalDate(instant, TimeZones.FindOrUtc("Asia/Kolkata")));
        Assert.Equal(new DateOnly(2026, 11, 23), TimeZones.LocalDate(instant, TimeZoneInfo.Utc));
    }
}
