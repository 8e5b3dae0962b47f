using System.Buffers.Text;
using System.Security.Cryptography;

namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// Logged question ids: 16 random bytes as 22 base64url characters. Random rather than sequential, so hosts sharing a
/// database need no coordination and an id reveals nothing; short, because a button's custom id carries one and
/// Discord caps custom ids at 100 characters.
/// </summary>
public static class QuestionIds
{
    public const int Length = 22;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="id"/> has the shape of an id (a forged or mangled click is refused before any lookup).</summary>
    public static bool IsValid(string? id)
    {
        if (id is null || id.Length != Length)
            return false;
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
                return false;
        }
        return true;
    }
}
