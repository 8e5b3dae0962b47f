using MentorBot.Core.Identity;

namespace MentorBot.Core.Privacy;

/// <summary>
/// The learner whose data is exported or erased. <see cref="Communities"/> holds the community they asked from and
/// every community their profile lists: areas that key data per community (the question log's per-community salted
/// asker hash) look in each.
/// </summary>
public sealed record PersonalDataSubject(LearnerId Learner, CommunityId AskedFrom, IReadOnlyList<CommunityId> Communities);
