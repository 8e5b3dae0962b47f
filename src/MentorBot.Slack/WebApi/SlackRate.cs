namespace MentorBot.Slack.WebApi;

/// <summary>How fast one pacing bucket refills (<see cref="PerMinute"/>) and how many calls it lets through at once (<see cref="Burst"/>).</summary>
internal readonly record struct SlackRate(double PerMinute, double Burst);
