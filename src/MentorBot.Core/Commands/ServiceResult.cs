
namespace MentorBot.Core.Commands;

/// <summary>A value, or a message for the learner explaining why nothing was done.</summary>
public sealed record ServiceResult<T>(T? Value, string? Error)
{
    public bool Succeeded => Error is null;
}

public static class ServiceResult
{
    public static ServiceResult<T> Ok<T>(T value) => new(value, null);

    public static ServiceResult<T> Fail<T>(string error) => new(default, error);
}
