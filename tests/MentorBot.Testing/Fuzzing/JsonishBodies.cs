using System.Text;
using CsCheck;

namespace MentorBot.Testing.Fuzzing;

/// <summary>
/// Generators of JSON-ish request bodies for the adapters' endpoints: well-formed objects made of the keys the
/// platforms use (with values of the wrong kind, invalid UTF-8 and lone surrogates), and token soup that is rarely JSON.
/// </summary>
public static class JsonishBodies
{
    private static readonly string[] Keys =
    [
        "type", "challenge", "event", "event_id", "text", "user", "team_id", "team", "channel", "channel_type", "bot_id",
        "subtype", "actions", "value", "response_url", "id", "data", "name", "options", "focused", "custom_id", "guild_id",
        "channel_id", "member", "permissions", "roles", "token", "application_id", "username",
    ];

    private static readonly string[] Leaves =
    [
        "null", "true", "false", "0", "-1", "2", "3", "4", "1e999", "12345678901234567890123", "\"\"", "\"x\"", "\"\\ud800\"",
        "\"a\\udc00b\"", "\"\\u0000\"", "\"event_callback\"", "\"url_verification\"", "\"block_actions\"", "\"app_mention\"",
        "\"message\"", "\"im\"", "\"faq\"", "\"checkin\"", "\"subscribe\"", "\"U0FUZZ\"", "\"T0FAKE\"", "\"C0GENERAL\"",
        "\"mb1|faq|question=degree-required\"", "\"222222222222222222\"", "\"8\"",
    ];

    private static readonly string[] Tokens = ["{", "}", "[", "]", "\"", ":", ",", "\\", "\"type\"", "\"event\"", "1", "null", "\"\\ud800\"", " "];

    private static readonly Gen<byte[]> RandomBytes = Gen.Byte.Array[0, 6];

    /// <summary>A leaf value: a constant from <see cref="Leaves"/> or a string of random bytes (often invalid UTF-8).</summary>
    private static readonly Gen<byte[]> Leaf = Gen.Frequency(
        (4, Gen.OneOf(Leaves).Select(Encoding.UTF8.GetBytes)),
        (1, RandomBytes.Select(b => (byte[])[(byte)'"', .. b.Where(x => x is not ((byte)'"' or (byte)'\\') and >= 0x20), (byte)'"'])));

    /// <summary>A JSON value nested at most four deep.</summary>
    public static readonly Gen<byte[]> Value = Gen.Recursive<byte[]>((depth, value) => depth >= 4
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (2, Gen.Select(Gen.OneOf(Keys), value).Array[0, 5].Select(Object)),
            (1, value.Array[0, 3].Select(items => Join("[", items, "]")))));

    /// <summary>Mostly objects with the platforms' keys, some token soup.</summary>
    public static readonly Gen<byte[]> Body = Gen.Frequency(
        (4, Gen.Select(Gen.OneOf(Keys), Value).Array[0, 6].Select(Object)),
        (1, Value),
        (1, Gen.OneOf(Tokens).Array[0, 12].Select(t => Encoding.UTF8.GetBytes(string.Concat(t)))));

    /// <summary>A form body: the given fields, each with a random value, percent-encoded byte by byte.</summary>
    public static Gen<byte[]> Form(params string[] fields) =>
        Gen.Select(Gen.OneOf(fields), Gen.Frequency((3, Value), (1, RandomBytes))).Array[0, fields.Length + 1]
            .Select(pairs => Encoding.ASCII.GetBytes(string.Join('&', pairs.Select(p => p.Item1 + "=" + PercentEncode(p.Item2)))));

    public static string PercentEncode(byte[] bytes) => string.Concat(bytes.Select(b => "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    private static byte[] Object((string Key, byte[] Value)[] members) =>
        Join("{", members.Select(m => (byte[])[.. Encoding.UTF8.GetBytes("\"" + m.Key + "\":"), .. m.Value]).ToArray(), "}");

    private static byte[] Join(string open, byte[][] items, string close)
    {
        var result = new List<byte>(Encoding.UTF8.GetBytes(open));
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
                result.Add((byte)',');
            result.AddRange(items[i]);
        }
        result.AddRange(Encoding.UTF8.GetBytes(close));
        return [.. result];
    }
}
