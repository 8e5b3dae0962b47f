using System.Text.Json;

namespace MentorBot.Slack.Http;

/// <summary>
/// Whether every string in a parsed JSON document can be read as text. The parser accepts invalid UTF-8 inside strings
/// and escaped lone surrogates (<c>"\ud800"</c>); only reading such a string throws. Checking the whole (small) body once
/// at the boundary lets everything after it read strings without guarding each one.
/// </summary>
internal static class ReadableJson
{
    public static bool IsReadable(JsonElement element)
    {
        try
        {
            Walk(element);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // Throws InvalidOperationException at the first string that is not text. Depth is bounded by the parser's (64).
    private static void Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Walk(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Walk(item);
                break;
        }
    }
}
