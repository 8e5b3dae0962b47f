using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsCheck;
using MentorBot.Discord.Tests.Fakes;
using MentorBot.Testing.Fuzzing;

namespace MentorBot.Discord.Tests.EndToEnd;

/// <summary>
/// Correctly signed but malformed interactions, sent over loopback to the whole host in Http mode: each gets a 400 or a
/// polite refusal, never a 5xx.
/// </summary>
public sealed class HostileInteractionTests : HttpModeHost
{
    private static int s_nextId = 900_000;
    /// <summary>A guild command interaction; <c>{ID}</c> becomes a fresh interaction id, <c>\xFF</c> one invalid UTF-8 byte.</summary>
    public static string Command(string options, int type = 2, string userId = "222222222222222222", string guildId = "333333333333333333", string channelId = "444444444444444444", string name = "faq") =>
        "{\"id\":\"{ID}\",\"application_id\":\"111111111111111111\",\"type\":" + type.ToString(CultureInfo.InvariantCulture)
        + ",\"token\":\"tok-hostile\",\"guild_id\":\"" + guildId + "\",\"channel_id\":\"" + channelId
        + "\",\"member\":{\"user\":{\"id\":\"" + userId + "\",\"username\":\"u\"},\"roles\":[],\"permissions\":\"0\"},"
        + "\"data\":{\"id\":\"555555555555555555\",\"name\":\"" + name + "\",\"type\":1,\"options\":" + options + "}}";

    public static TheoryData<string, string, string> Bodies => new()
    {
        // name, body, what must come back: 400, a refusal, or (autocomplete) an empty list of choices
        { "invalid UTF-8 in an option value", Command("""[{"name":"question","type":3,"value":"a\xFFb"}]"""), "refusal" },
        { "lone surrogate in an option value", Command("""[{"name":"question","type":3,"value":"\ud800"}]"""), "refusal" },
        { "lone low surrogate in an option value", Command("""[{"name":"question","type":3,"value":"x\udc00y"}]"""), "refusal" },
        { "invalid UTF-8 in a subcommand's option", Command("""[{"name":"list","type":1,"options":[{"name":"id","type":3,"value":"\xFF"}]}]"""), "refusal" },
        { "invalid UTF-8 in an autocomplete value", Command("""[{"name":"question","type":3,"value":"\xFF","focused":true}]""", type: 4), "nochoices" },
        { "lone surrogate in an autocomplete value", Command("""[{"name":"question","type":3,"value":"\ud800","focused":true}]""", type: 4), "nochoices" },
        { "invalid UTF-8 in an option name", Command("""[{"name":"\xFF","type":3,"value":"x"}]"""), "400" },
        { "options not an array", Command("""{"a":1}"""), "400" },
        { "a user id of 2,000 characters", Command("[]", userId: new string('2', 2000), name: "checkin"), "refusal" },
        { "a guild id of 2,000 characters", Command("[]", guildId: new string('3', 2000), name: "checkin"), "refusal" },
        { "a channel id of 2,000 characters", Command("[]", channelId: new string('4', 2000), name: "checkin"), "refusal" },
        { "an empty user id", Command("[]", userId: "", name: "checkin"), "refusal" },
        { "array", "[]", "400" },
        { "string", "\"x\"", "400" },
        { "null", "null", "400" },
        { "type as a string and no data", """{"id":"{ID}","type":"2"}""", "refusal" },
        { "not JSON", "type=2", "400" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_interaction_gets_400_or_a_polite_refusal(string name, string body, string expected)
    {
        using var response = await PostSignedAsync(body);
        var text = await response.Content.ReadAsStringAsync();

        if (expected == "400")
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {text}");
            return;
        }
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        if (expected == "nochoices")
        {
            Assert.Equal(8, json.RootElement.GetProperty("type").GetInt32());
            Assert.Equal(0, json.RootElement.GetProperty("data").GetProperty("choices").GetArrayLength());
            return;
        }
        Assert.Equal(4, json.RootElement.GetProperty("type").GetInt32());
        Assert.Equal(64, json.RootElement.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("could not read", json.RootElement.GetProperty("data").GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_gets_413_not_401()
    {
        using var response = await PostSignedAsync("{\"id\":\"{ID}\",\"type\":1,\"pad\":\"" + new string('a', 1 << 20) + "\"}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Random_signed_jsonish_bodies_never_get_a_5xx()
    {
        async Task NoServerErrorAsync(byte[] body)
        {
            using var response = await PostSignedAsync(body);
            Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode} to {Encoding.UTF8.GetString(body)}");
        }

        await JsonishBodies.Body.SampleAsync(NoServerErrorAsync, iter: 300, threads: 1);
        // Well-formed commands and autocompletes whose options hold random values.
        var options = Gen.Select(Gen.OneOf("question", "id", "link", "day", "time"), JsonishBodies.Value, Gen.Bool)
            .Array[0, 3]
            .Select(os => "[" + string.Join(',', os.Select(o => "{\"name\":\"" + o.Item1 + "\",\"type\":3,\"focused\":" + (o.Item3 ? "true" : "false") + ",\"value\":" + Encoding.UTF8.GetString(o.Item2) + "}")) + "]");
        await Gen.Select(options, Gen.OneOf(2, 4), Gen.OneOf("faq", "checkin", "challenge", "subscribe"))
            .Select((o, type, name) => Bytes(Command(o, type: type, name: name).Replace("{ID}", NextId(), StringComparison.Ordinal)))
            .SampleAsync(NoServerErrorAsync, iter: 200, threads: 1);
    }

    private static string NextId() => Interlocked.Increment(ref s_nextId).ToString("D18", CultureInfo.InvariantCulture);

    internal Task<HttpResponseMessage> PostSignedAsync(string body) =>
        PostSignedAsync(Bytes(body.Replace("{ID}", NextId(), StringComparison.Ordinal)));

    internal async Task<HttpResponseMessage> PostSignedAsync(byte[] bytes)
    {
        var timestamp = (1700000000 + Random.Shared.Next(1000)).ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", Signer.Sign(timestamp, bytes));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await Http.SendAsync(request);
    }

    /// <summary>Text, with <c>\xFF</c> standing for one byte that is never valid UTF-8.</summary>
    internal static byte[] Bytes(string text)
    {
        var parts = text.Split("\\xFF");
        var bytes = new List<byte>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
                bytes.Add(0xFF);
            bytes.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }
        return [.. bytes];
    }
}
