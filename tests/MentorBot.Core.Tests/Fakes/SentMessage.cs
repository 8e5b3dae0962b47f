using MentorBot.Core.Commands;
using MentorBot.Core.Identity;

namespace MentorBot.Core.Tests.Fakes;

/// <summary>One message a fake platform delivered.</summary>
internal sealed record SentMessage(LearnerId Learner, Reply Reply, string? Key, DateTimeOffset At);
