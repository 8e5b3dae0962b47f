namespace MentorBot.Core.Identity;

/// <summary>A person on one platform: <c>discord:80351110224678912</c>, <c>slack:U024BE7LH</c>, <c>console:local</c>.</summary>
public readonly record struct LearnerId(string Platform, string UserId)
{
    public override string ToString() => $"{Platform}:{UserId}";

    public static LearnerId Parse(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
            throw new FormatException($"'{value}' is not a learner id of the form platform:user.");
        return new LearnerId(value[..colon], value[(colon + 1)..]);
    }
}
