using MentorBot.Core.Commands;
using MentorBot.Slack.Rendering;

namespace MentorBot.Slack.Tests.Rendering;

/// <summary>Button values exactly as the renderer writes them, for tests that click.</summary>
public sealed class FollowUpValueProbe
{
    public string Task() => FollowUpValue.From(new FollowUp("This week's task", "task", new Dictionary<string, string>())).Encode();
}
