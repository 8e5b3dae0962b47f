using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;
using MentorBot.Faq.Semantic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Console;

namespace MentorBot.Host.Cli;

/// <summary>The FAQ engine as the verbs use it: the same knowledge and embedding model settings as the host.</summary>
internal static class CliFaq
{
    public static FaqService Create(KnowledgeBase knowledge, IConfiguration configuration)
    {
        using var logging = LoggerFactory.Create(b =>
        {
            b.AddSimpleConsole(o => o.SingleLine = true);
            b.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            b.SetMinimumLevel(LogLevel.Warning);
        });
        var (embedder, cache) = SemanticModelLoader.Load(SemanticOptions(configuration), logging.CreateLogger("MentorBot.Faq"));
        return new FaqService(new StaticKnowledgeProvider(knowledge), embedder, cache);
    }

    public static SemanticFaqOptions SemanticOptions(IConfiguration configuration) =>
        configuration.GetSection("Faq:Semantic").Get<SemanticFaqOptions>() ?? new SemanticFaqOptions();
}
