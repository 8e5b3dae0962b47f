using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;
using MentorBot.Faq.Semantic;
using Microsoft.Extensions.Options;

namespace MentorBot.Host.Faq;

/// <summary>The FAQ engine with the embedding model when it loads, and lexical matching alone when it does not.</summary>
internal static class FaqServiceCollectionExtensions
{
    public static IServiceCollection AddSemanticFaq(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SemanticFaqOptions>()
            .Bind(configuration.GetSection("Faq:Semantic"))
            .Validate(o => !string.IsNullOrWhiteSpace(o.CacheDirectory), "Faq:Semantic:CacheDirectory must not be empty.")
            .Validate(o => o.MaxTokens is >= 8 and <= 512, "Faq:Semantic:MaxTokens must be between 8 and 512.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SemanticFaqOptions>>().Value;
            var (embedder, cache) = SemanticModelLoader.Load(options, sp.GetRequiredService<ILoggerFactory>().CreateLogger("MentorBot.Faq"));
            return new FaqService(sp.GetRequiredService<IKnowledgeProvider>(), embedder, cache);
        });
        services.AddSingleton<IFaqService>(sp => sp.GetRequiredService<FaqService>());
        services.AddHostedService<FaqWarmup>();
        return services;
    }
}
