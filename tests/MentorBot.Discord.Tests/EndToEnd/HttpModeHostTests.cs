using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Discord.Tests.Fakes;

namespace MentorBot.Discord.Tests.EndToEnd;

/// <summary>The whole host in Http mode, sent signed interactions over real HTTP on loopback.</summary>
public sealed class HttpModeHostTests : HttpModeHost
{
    [Fact]
    public async Task Healthz_reports_discord_connected_once_the_endpoint_is_mapped()
    {
        using var health = JsonDocument.Parse(await Http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));

        var adapter = Assert.Single(health.RootElement.GetProperty("adapters").EnumerateArray());
        Assert.Equal("discord", adapter.GetProperty("name").GetString());
        Assert.True(adapter.GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Signed_ping_gets_pong()
    {
        using var response = await PostSignedAsync("""{"application_id":"111111111111111111","id":"1","token":"x","type":1,"version":1}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Missing_or_bad_signature_is_401()
    {
        const string body = """{"id":"1","token":"x","type":1,"version":1}""";
        using (var unsigned = await Http.PostAsync("/discord/interactions", new StringContent(body, Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);

        using var other = InteractionSigner.Random();
        using var forged = await PostSignedAsync(body, other);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        using var tampered = await PostSignedAsync(body, tamper: true);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
    }

    [Fact]
    public async Task Faq_command_is_answered_inline_with_an_embed_and_no_mentions()
    {
        var interaction = Discord.NewCommandInteraction("faq", [new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "do I need a degree to become a backend developer" }]);

        var json = await PostInteractionAsync(interaction);

        Assert.Equal(4, json.GetProperty("type").GetInt32());
        var data = json.GetProperty("data");
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        var embed = data.GetProperty("embeds")[0];
        Assert.Contains("degree", embed.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(data.TryGetProperty("flags", out _));
    }

    [Fact]
    public async Task Autocomplete_returns_at_most_25_faq_matches()
    {
        var interaction = Discord.NewCommandInteraction("faq", [new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "degree", ["focused"] = true }]);
        interaction["type"] = 4;

        var json = await PostInteractionAsync(interaction);

        Assert.Equal(8, json.GetProperty("type").GetInt32());
        var choices = json.GetProperty("data").GetProperty("choices");
        Assert.InRange(choices.GetArrayLength(), 1, 25);
        Assert.Contains(choices.EnumerateArray(), c => c.GetProperty("value").GetString() == "degree-required");
        Assert.All(choices.EnumerateArray(), c => Assert.InRange(c.GetProperty("name").GetString()!.Length, 1, 100));
    }

    [Fact]
    public async Task Button_click_asks_the_suggested_question()
    {
        var interaction = Discord.NewCommandInteraction("faq");
        interaction["type"] = 3;
        interaction["data"] = new JsonObject { ["custom_id"] = "mb1|faq|question=degree-required", ["component_type"] = 2 };

        var json = await PostInteractionAsync(interaction);

        Assert.Equal(4, json.GetProperty("type").GetInt32());
        var data = json.GetProperty("data");
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Contains("degree", data.GetProperty("embeds")[0].GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Refusal_is_ephemeral()
    {
        var json = await PostInteractionAsync(Discord.NewCommandInteraction("challenge"));

        Assert.Equal(4, json.GetProperty("type").GetInt32());
        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Theory]
    [InlineData("streak")]
    [InlineData("task")]
    public async Task Personal_commands_are_ephemeral_and_use_real_storage(string command)
    {
        var checkin = await PostInteractionAsync(Discord.NewCommandInteraction("checkin", userId: "616161616161616161"));
        Assert.Equal(4, checkin.GetProperty("type").GetInt32());

        var json = await PostInteractionAsync(Discord.NewCommandInteraction(command, userId: "616161616161616161"));

        Assert.Equal(4, json.GetProperty("type").GetInt32());
        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(0, json.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    private async Task<JsonElement> PostInteractionAsync(JsonObject interaction)
    {
        using var response = await PostSignedAsync(interaction.ToJsonString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<HttpResponseMessage> PostSignedAsync(string body, InteractionSigner? signer = null, bool tamper = false)
    {
        var timestamp = (1700000000 + Random.Shared.Next(1000)).ToString(CultureInfo.InvariantCulture);
        var signature = (signer ?? Signer).Sign(timestamp, body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions")
        {
            Content = new StringContent(tamper ? body.Replace("\"type\":1", "\"type\":2", StringComparison.Ordinal) : body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return Http.SendAsync(request);
    }
}
