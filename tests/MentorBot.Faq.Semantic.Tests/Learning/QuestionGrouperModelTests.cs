using System.Diagnostics;
using System.Globalization;
using MentorBot.Core.Faq;
using MentorBot.Core.Faq.Learning;
using MentorBot.Core.Knowledge;
using Xunit.Abstractions;

namespace MentorBot.Faq.Semantic.Tests.Learning;

/// <summary>
/// Grouping with the real all-MiniLM-L6-v2 over the shipped knowledge base. The questions are our own, written for
/// these tests; "backend interview preparation advice pls" and "tips for cracking backend developer interviews" share
/// almost no word, so only the model can put them together.
/// </summary>
public sealed class QuestionGrouperModelTests(PackagedModelTests.Model model, ITestOutputHelper output) : IClassFixture<PackagedModelTests.Model>
{
    private static readonly string[][] Paraphrases =
    [
        ["backend interview preparation advice pls", "how do I prepare for a backend job interview", "tips for cracking backend developer interviews", "what should I study before a backend interview"],
        ["are there remote backend jobs", "can I work remotely as a backend developer", "is remote work common for backend engineers"],
        ["is rust worth learning for backend in 2026", "rust for backend development, good idea?", "should I pick up rust for server side work"],
        ["I keep losing motivation studying programming, help", "how do I stay motivated while learning to code"],
        ["best computer for coding on a budget", "what laptop should I buy for programming"],
    ];

    private static readonly string[] Unrelated =
    [
        "what is the capital of france",
        "how to bake sourdough bread",
        "explain docker volumes",
        "which database should I learn first",
        "how much do backend devs earn in germany",
        "tips to stay consistent when learning backend",
    ];

    private static readonly Lazy<KnowledgeBase> Knowledge = new(() => KnowledgeLoader.Load(LearningLoopModelTests.FindKnowledge()).Knowledge!);

    [Fact]
    public void Paraphrases_land_together_and_unrelated_questions_apart()
    {
        var faq = new FaqService(new StaticKnowledgeProvider(Knowledge.Value), model.Embedder);

        var grouping = new QuestionGrouper(faq).Group(Paraphrases.SelectMany(p => p).Concat(Unrelated).Select(q => new AskedQuestion(q)));

        Assert.Equal("semantic", grouping.Similarity);
        Assert.Equal(model.Embedder.ModelId, grouping.ModelId);
        var groups = grouping.Groups.Select(g => string.Join(" | ", g.Members.Select(m => m.Text).Order(StringComparer.Ordinal))).ToList();
        foreach (var paraphrases in Paraphrases)
            Assert.Contains(string.Join(" | ", paraphrases), groups);
        foreach (var question in Unrelated)
            Assert.Contains(question, groups);
        Assert.Equal(Paraphrases.Length + Unrelated.Length, groups.Count);
    }

    [Fact]
    public void Paraphrases_sharing_no_rare_word_group_only_with_the_model()
    {
        var questions = Paraphrases[0].Select(q => new AskedQuestion(q)).ToArray();

        var semantic = new QuestionGrouper(new FaqService(new StaticKnowledgeProvider(Knowledge.Value), model.Embedder)).Group(questions);
        var lexical = new QuestionGrouper(new FaqService(new StaticKnowledgeProvider(Knowledge.Value))).Group(questions);

        Assert.Single(semantic.Groups);
        Assert.True(lexical.Groups.Count > 1, $"{lexical.Groups.Count} lexical group(s)");
    }

    /// <summary>
    /// 3,000 distinct questions (30 topics × 10 openings × 10 endings, so each topic's 100 are near-duplicates), with
    /// and without the model. Prints the time; asserts that the topics come out as groups.
    /// </summary>
    [Fact]
    public void Three_thousand_questions_group_by_topic()
    {
        var openings = new[] { "how do I", "what is the best way to", "can someone explain how to", "tips to", "should I", "is it hard to", "what does it take to", "help me", "quick question, how to", "where do I start to" };
        var topics = new[]
        {
            "negotiate a salary offer", "prepare for a system design interview", "get a remote backend job", "learn rust for backend", "stay motivated while learning",
            "choose a laptop for programming", "write unit tests in python", "deploy a django app to aws", "design a rest api", "use docker compose",
            "learn sql joins", "move from frontend to backend", "get a job without a degree", "build a portfolio project", "understand kubernetes pods",
            "secure passwords in a database", "use git rebase", "contribute to open source", "learn go concurrency", "write a resume for backend roles",
            "handle burnout at work", "ask for a promotion", "find a mentor", "read other people's code", "pick between java and c#",
            "cache responses with redis", "scale a postgres database", "learn message queues like kafka", "debug a memory leak", "estimate tasks at work",
        };
        var endings = new[] { "?", " as a beginner?", " in 2026?", " quickly?", " fast", " pls", " step by step?", " with no experience?", " for my first job?", " the right way?" };
        var questions = (from t in topics from o in openings from e in endings select new AskedQuestion($"{o} {t}{e}")).ToArray();

        foreach (var embedder in new[] { model.Embedder, null })
        {
            var faq = new FaqService(new StaticKnowledgeProvider(Knowledge.Value), embedder);
            faq.Warm();
            var watch = Stopwatch.StartNew();
            var grouping = new QuestionGrouper(faq).Group(questions);
            watch.Stop();

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{grouping.Similarity}: {questions.Length} questions → {grouping.Groups.Count} groups in {watch.ElapsedMilliseconds} ms on {Environment.ProcessorCount} cores"));
            Assert.Equal(questions.Length, grouping.Groups.Sum(g => g.Members.Count));
            foreach (var topic in topics)
            {
                // Most of a topic's 100 phrasings share one group.
                Assert.True(grouping.Groups.Max(g => g.Members.Count(m => m.Text.Contains(topic, StringComparison.Ordinal))) >= 50, $"{grouping.Similarity}: {topic}");
            }

            // A group is its representative's topic: with the model at most 1 % of the questions sit with another
            // topic's (the openings and endings are shared by all topics, so a few templated ones do). Words the
            // knowledge base never uses weigh the most lexically, so "quick question, … as a beginner?" pulled the
            // open-source questions into the portfolio group (120 strays when measured): 5 % without the model.
            string TopicOf(string text) => topics.Single(t => text.Contains(t, StringComparison.Ordinal));
            var strays = grouping.Groups.Sum(g => g.Members.Count(m => TopicOf(m.Text) != TopicOf(g.Representative)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {strays} question(s) in another topic's group"));
            Assert.InRange(strays, 0, questions.Length * (embedder is null ? 5 : 1) / 100);
        }
    }
}
