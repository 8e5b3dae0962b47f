using System.Text.Json;
using MentorBot.Discord.Interactions;

namespace MentorBot.Discord.Tests.Interactions;

public sealed class InteractionMapperTests
{
    private static readonly string[] NoRoles = [];

    [Fact]
    public void Guild_command_with_subcommand_maps_options_actor_and_community()
    {
        var interaction = Parse("""
            {"id":"1","application_id":"2","type":2,"token":"t","guild_id":"900","channel_id":"901","locale":"de",
             "member":{"user":{"id":"42","username":"ada","global_name":"Ada"},"roles":[],"permissions":"0"},
             "data":{"name":"challenge","options":[{"name":"submit","type":1,"options":[
                {"name":"id","type":4,"value":3},{"name":"link","type":3,"value":"https://x.dev"}]}]}}
            """);

        var request = InteractionMapper.ToRequest(interaction, NoRoles)!;

        Assert.Equal("challenge", request.Command);
        Assert.Equal("submit", request.Subcommand);
        Assert.Equal("3", request.Options["id"]);
        Assert.Equal("https://x.dev", request.Options["link"]);
        Assert.Equal("discord:42", request.Actor.Id.ToString());
        Assert.Equal("Ada", request.Actor.DisplayName);
        Assert.False(request.Actor.IsModerator);
        Assert.Equal("discord:900", request.Community.ToString());
        Assert.Equal("901", request.ChannelId);
        Assert.Equal("de", request.Locale);
    }

    [Fact]
    public void Dm_command_uses_user_and_a_dm_community()
    {
        var interaction = Parse("""
            {"id":"1","type":2,"token":"t","channel_id":"5","user":{"id":"77","username":"bob"},
             "data":{"name":"streak","options":[{"name":"user","type":6,"value":"88"}]}}
            """);

        var request = InteractionMapper.ToRequest(interaction, NoRoles)!;

        Assert.Equal("discord:77", request.Actor.Id.ToString());
        Assert.Equal("bob", request.Actor.DisplayName);
        Assert.Equal("discord:dm:77", request.Community.ToString());
        Assert.Equal("88", request.Options["user"]);
        Assert.False(request.Actor.IsModerator);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("8", true)]
    [InlineData("32", true)]
    [InlineData("8192", true)]
    [InlineData("1099511627776", false)]
    [InlineData("1099511627784", true)]
    [InlineData("2147483647", true)]
    [InlineData("garbage", false)]
    public void Moderator_from_64_bit_permission_string(string permissions, bool moderator)
    {
        var member = new GuildMember { Permissions = permissions, Roles = [] };
        Assert.Equal(moderator, InteractionMapper.IsModerator(member, NoRoles));
    }

    [Fact]
    public void Moderator_by_configured_role()
    {
        var member = new GuildMember { Permissions = "0", Roles = ["123", "456"] };
        Assert.True(InteractionMapper.IsModerator(member, ["456"]));
        Assert.False(InteractionMapper.IsModerator(member, ["789"]));
    }

    [Fact]
    public void Button_click_re_dispatches_the_follow_up_as_the_clicker()
    {
        var interaction = Parse("""
            {"id":"1","type":3,"token":"t","guild_id":"900","member":{"user":{"id":"99","username":"c"},"permissions":"0"},
             "data":{"custom_id":"mb1|faq|question=degree-required","component_type":2}}
            """);

        var request = InteractionMapper.ToFollowUpRequest(interaction, NoRoles)!;

        Assert.Equal("faq", request.Command);
        Assert.Equal("degree-required", request.Options["question"]);
        Assert.Equal("discord:99", request.Actor.Id.ToString());
    }

    [Fact]
    public void Autocomplete_finds_the_focused_option()
    {
        var interaction = Parse("""
            {"id":"1","type":4,"token":"t","user":{"id":"1"},
             "data":{"name":"faq","options":[{"name":"question","type":3,"value":"degr","focused":true}]}}
            """);

        Assert.Equal(("question", "degr"), InteractionMapper.Focused(interaction));
    }

    private static Interaction Parse(string json) => JsonSerializer.Deserialize(json, DiscordJson.Default.Interaction)!;
}
