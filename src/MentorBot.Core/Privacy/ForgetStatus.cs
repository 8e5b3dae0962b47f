namespace MentorBot.Core.Privacy;

public enum ForgetStatus
{
    /// <summary>Every source erased the learner.</summary>
    Done,

    /// <summary>No <c>/forget</c> request was waiting for this learner.</summary>
    NotRequested,

    /// <summary>The request was older than <see cref="PrivacyService.ConfirmationWindow"/>.</summary>
    Expired,
}
