using MentorBot.Core.Identity;

namespace MentorBot.Core.Privacy;

/// <summary>
/// Who a forgotten learner's submission to a closed challenge belongs to afterwards. Each anonymised row gets its own
/// random id (a challenge may hold several forgotten learners, and its key is challenge and learner); random rather than
/// derived from the old id, which anyone holding the old id could recompute. The link is dropped too: a link to
/// someone's work usually names them (github.com/&lt;user&gt;/…), and the count and order of a closed challenge do
/// not need it.
/// </summary>
public static class FormerLearner
{
    public const string DisplayName = "former learner";

    /// <summary>Every placeholder user id starts with this, so it cannot be a real platform user id.</summary>
    public const string IdPrefix = "former-";

    public static LearnerId NewId(string platform) => new(platform, IdPrefix + Guid.NewGuid().ToString("N"));

    public static bool Is(LearnerId learner) => learner.UserId.StartsWith(IdPrefix, StringComparison.Ordinal);
}
