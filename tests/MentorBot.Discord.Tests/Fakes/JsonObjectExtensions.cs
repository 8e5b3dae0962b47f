using System.Text.Json.Nodes;

namespace MentorBot.Discord.Tests.Fakes;

public static class JsonObjectExtensions
{
    public static string Id(this JsonObject interaction) => interaction["id"]!.GetValue<string>();
}
