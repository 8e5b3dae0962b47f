using MentorBot.Core;
using MentorBot.Core.Background;
using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Health;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Faq.Learning;
using MentorBot.Core.Knowledge.Learning;
using MentorBot.Dashboard.Hosting;
using MentorBot.Discord;
using MentorBot.Discord.Postgres;
using MentorBot.Host.Console;
using MentorBot.Host.Faq;
using MentorBot.Host.Health;
using MentorBot.Host.Knowledge;
using MentorBot.Slack;
using MentorBot.Host.Storage;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace MentorBot.Host;

/// <summary>The composition root: configuration, logging, knowledge, storage, the core, adapters and health.</summary>
internal static class BotApplication
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <param name="args">Command-line arguments (<c>--urls</c>, <c>--Storage:DatabasePath=…</c>).</param>
    /// <param name="streams">The console adapter's streams; null means stdin and stdout.</param>
    /// <param name="configure">Lets tests add configuration after every other source.</param>
    /// <param name="overrides">Lets tests replace services (a fake clock) after every other registration.</param>
    public static WebApplication Build(
        string[] args, ConsoleStreams? streams = null, Action<IConfigurationBuilder>? configure = null, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json ships beside the binary; the current directory is wherever the user ran the command.
            ContentRootPath = AppContext.BaseDirectory,
        });
        AddUserSecretsBeforeEnvironment(builder.Configuration);
        configure?.Invoke(builder.Configuration);

        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);

        // stdout belongs to the console adapter's replies, so every log line goes to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<KnowledgeOptions>()
            .Bind(configuration.GetSection("Knowledge"))
            .Validate(o => o.ReloadDelay >= TimeSpan.Zero, "Knowledge:ReloadDelay must not be negative.")
            .ValidateOnStart();
        services.AddSingleton(sp => new FileKnowledgeProvider(
            KnowledgePath.Resolve(configuration),
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ReloadDelay,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FileKnowledgeProvider>>()));
        services.AddSingleton<IKnowledgeProvider>(sp => sp.GetRequiredService<FileKnowledgeProvider>());
        services.AddHostedService<KnowledgeWatcher>();
        services.AddHostedService<SharedStorageKnowledgeNotice>();
        services.AddSemanticFaq(configuration);
        // The learning loop behind the dashboard's Questions page: it reads the same folder the watcher reloads from.
        services.AddSingleton(sp => new QuestionGrouper(sp.GetRequiredService<FaqService>()));
        services.AddSingleton(_ => new KnowledgePatcher(KnowledgePath.Resolve(configuration)));
        services.AddSingleton(sp => new KnowledgeWriter(
            KnowledgePath.Resolve(configuration),
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Writable,
            sp.GetRequiredService<ILogger<KnowledgeWriter>>()));

        StorageSelection.AddStorage(services, configuration);
        DataProtectionKeys.Add(services, StorageSelection.Provider(configuration));
        services.AddMentorBotCore();
        services.AddOptions<QuestionLogOptions>()
            .Bind(configuration.GetSection(QuestionLogOptions.SectionName))
            .Validate(o => o.Retention >= TimeSpan.FromHours(1), "Faq:QuestionLog:Retention must be at least one hour (e.g. 90.00:00:00 for 90 days).")
            .Validate(o => o.MaxPending is >= 1 and <= 10_000_000, "Faq:QuestionLog:MaxPending must be between 1 and 10000000.")
            .Validate(o => o.FlushInterval > TimeSpan.Zero && o.FlushInterval <= TimeSpan.FromMinutes(1), "Faq:QuestionLog:FlushInterval must be more than zero and at most a minute (e.g. 00:00:01).")
            .ValidateOnStart();
        services.AddOptions<BackgroundWorkOptions>()
            .Bind(configuration.GetSection(BackgroundWorkOptions.SectionName))
            .Validate(o => o.Capacity is >= 1 and <= 1_000_000, "BackgroundWork:Capacity must be between 1 and 1000000.")
            .Validate(o => o.MaxConcurrency is >= 1 and <= 1024, "BackgroundWork:MaxConcurrency must be between 1 and 1024.")
            .ValidateOnStart();
        var adapters = AdapterSelection.Resolve(configuration);
        services.AddOptions<AdapterSelection>().Configure(o => o.CopyFrom(adapters)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdapterSelection>, AdapterSelectionValidator>();
        services.AddDelivery(configuration, adapters);
        services.AddMetrics(configuration);

        services.AddOptions<ConsoleOptions>()
            .Bind(configuration.GetSection("Console"))
            .Validate(o => !string.IsNullOrWhiteSpace(o.UserId), "Console:UserId must not be empty.")
            .ValidateOnStart();
        if (adapters.Console)
        {
            services.AddSingleton(streams ?? ConsoleStreams.Standard);
            services.AddSingleton<ConsoleAdapterStatus>();
            services.AddSingleton<IAdapterStatus>(sp => sp.GetRequiredService<ConsoleAdapterStatus>());
            services.AddHostedService<ConsoleAdapter>();
        }

        if (adapters.Discord)
        {
            if (adapters.DiscordThroughDatabase)
                services.AddDiscordPostgresCoordination(configuration["Storage:ConnectionString"] ?? "");
            services.AddDiscordAdapter(configuration);
        }
        if (adapters.Slack)
            services.AddSlackAdapter(configuration);
        // A console-only host links to its own loopback address, so the dashboard works there without a setting.
        var dashboardOn = !string.IsNullOrWhiteSpace(configuration["Dashboard:PublicBaseUrl"]) || (adapters.Console && !adapters.Discord && !adapters.Slack);
        services.AddMentorBotDashboard(configuration, dashboardOn);
        overrides?.Invoke(services);

        var app = builder.Build();
        app.MapMetrics();
        HealthEndpoint.Map(app);
        if (adapters.Discord && DiscordOptions.ModeFrom(configuration) == DiscordMode.Http)
            app.MapDiscordEndpoints();
        if (adapters.Slack)
            app.MapSlackEndpoints();
        if (dashboardOn)
            app.MapMentorBotDashboard();
        return app;
    }

    /// <summary>
    /// User secrets are how a developer keeps tokens out of the repository; they must still lose to environment
    /// variables and the command line, as they do in the Development environment.
    /// </summary>
    private static void AddUserSecretsBeforeEnvironment(ConfigurationManager configuration)
    {
        if (configuration.Sources.Any(s => s.GetType().Name.Contains("Json", StringComparison.Ordinal) && s is FileConfigurationSource { Path: "secrets.json" }))
            return;
        var secrets = new ConfigurationBuilder().AddUserSecrets(typeof(BotApplication).Assembly, optional: true);
        var index = configuration.Sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        foreach (var source in secrets.Sources)
            configuration.Sources.Insert(index < 0 ? configuration.Sources.Count : index, source);
    }
}
