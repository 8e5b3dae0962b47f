using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Storage;
using MentorBot.Core.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MentorBot.Core.Challenges;
using MentorBot.Core.Learners;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Tests.Fakes;

/// <summary>The real core wired through <c>AddMentorBotCore</c>, over in-memory stores and a fake clock.</summary>
internal sealed class BotHarness : IDisposable
{
    public static readonly CommunityId Community = new("console", "test");
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero); // a Monday

    private readonly ServiceProvider _provider;
    private RecordingMessenger? _messenger;

    public BotHarness(DateTimeOffset? start = null, IQuestionLog? questionLog = null)
    {
        Time = new FakeTimeProvider(start ?? Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<ILearnerStore>(Learners);
        services.AddSingleton<IActivityStore>(Activity);
        services.AddSingleton<IChallengeStore>(Challenges);
        services.AddSingleton<ISubscriptionStore>(Subscriptions);
        services.AddSingleton<IKnowledgeProvider>(Knowledge);
        services.AddSingleton<IFaqService>(Faq);
        services.AddSingleton<IDeliveryOutbox>(Outbox);
        services.AddSingleton<IUndeliverableNotices>(Notices);
        services.AddSingleton<Core.Privacy.ILearnerDataStore>(new InMemoryLearnerDataStore(Learners, Activity, Subscriptions, Challenges, Outbox, Notices));
        services.AddSingleton<Core.Privacy.IForgetRequests>(new Core.Privacy.InMemoryForgetRequests());
        services.AddSingleton<IOutboundMessenger>(Messenger);
        services.AddSingleton(Options.Create(DeliveryOptions));
        if (questionLog is not null)
            services.AddSingleton(questionLog);
        services.AddMentorBotCore();
        services.AddDeliveryEngine();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Dispatcher = _provider.GetRequiredService<ICommandDispatcher>();
        Parser = _provider.GetRequiredService<TextCommandParser>();
    }

    public FakeTimeProvider Time { get; }
    public InMemoryLearnerStore Learners { get; } = new();
    public InMemoryActivityStore Activity { get; } = new();
    public InMemoryChallengeStore Challenges { get; } = new();
    public InMemorySubscriptionStore Subscriptions { get; } = new();
    public SwappableKnowledgeProvider Knowledge { get; } = new(SampleKnowledge.Base);
    public StubFaqService Faq { get; } = new();
    public InMemoryDeliveryOutbox Outbox { get; } = new();
    public InMemoryUndeliverableNotices Notices { get; } = new();
    public RecordingMessenger Messenger => _messenger ??= new RecordingMessenger(Community.Platform, Time);
    public DeliveryOptions DeliveryOptions { get; } = new() { PollInterval = TimeSpan.FromMinutes(1) };
    public DeliveryEngine Engine => Get<DeliveryEngine>();
    public ICommandDispatcher Dispatcher { get; }
    public TextCommandParser Parser { get; }

    public static Actor Alice { get; } = new(new LearnerId("console", "alice"), "Alice", false);
    public static Actor Bob { get; } = new(new LearnerId("console", "bob"), "Bob", false);
    public static Actor Carol { get; } = new(new LearnerId("console", "carol"), "Carol", false);
    public static Actor Mod { get; } = new(new LearnerId("console", "mod"), "Mod", true);

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Types a line as <paramref name="actor"/> (Alice by default), as the console adapter would.</summary>
    public Task<Reply> SendAsync(string line, Actor? actor = null)
    {
        var parsed = Parser.Parse(line);
        Assert.True(parsed.Success, parsed.Error);
        return Dispatcher.DispatchAsync(parsed.Command!.ToRequest(actor ?? Alice, Community));
    }

    public Task<Reply> RunAsync(string command, Actor? actor = null, string? subcommand = null, params (string Name, string Value)[] options)
    {
        var request = new CommandRequest(command, options.ToDictionary(o => o.Name, o => o.Value, StringComparer.OrdinalIgnoreCase), actor ?? Alice, Community)
        {
            Subcommand = subcommand,
        };
        return Dispatcher.DispatchAsync(request);
    }

    public void Dispose() => _provider.Dispose();
}
