namespace MentorBot.Dashboard.Sessions;

public enum SignInStatus
{
    SignedIn,
    Invalid,
    Expired,
    AlreadyUsed,
}
