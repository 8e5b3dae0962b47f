using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Tests.Knowledge;

public sealed class KnowledgeLoaderTests : IDisposable
{
    private readonly TempKnowledgeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Valid_minimal_folder_loads_every_part()
    {
        _folder.WithValidContent();

        var result = KnowledgeLoader.Load(_folder.Root);

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        var knowledge = result.Knowledge!;
        Assert.Equal(["alpha", "beta"], knowledge.Faq.Select(e => e.Id));
        var alpha = knowledge.FindFaq("alpha")!;
        Assert.Equal("What is alpha?", alpha.Title);
        Assert.Equal(["How does alpha work?", "alpha basics", "Explain alpha to me"], alpha.Questions);
        Assert.Equal(["beta"], alpha.Related);
        Assert.Equal(["seed.txt (Sample Guide)"], alpha.Sources);
        Assert.Equal("The answer about alpha.\n\nSources: Sample Guide.", alpha.Answer);
        Assert.Equal(_folder.PathOf("faq/alpha.md"), alpha.SourcePath);
        Assert.Equal([1, 2], knowledge.Roadmap.Select(w => w.Week));
        Assert.Equal(3, knowledge.FindWeek(1)!.Tasks.Count);
        Assert.Equal(["alpha"], knowledge.FindWeek(1)!.Related);
        Assert.Equal(2, knowledge.Lexicon.Synonyms.Count);
        Assert.Equal(["nurse"], knowledge.Lexicon.OffTopic);
        Assert.Equal(["backend"], knowledge.Lexicon.InScope);
    }

    [Fact]
    public void Folder_without_roadmap_or_lexicon_is_still_valid()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "What is alpha?", ["q one", "q two", "q three"]));

        var result = KnowledgeLoader.Load(_folder.Root);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Empty(result.Knowledge!.Roadmap);
        Assert.Same(Lexicon.Empty, result.Knowledge.Lexicon);
    }

    [Fact]
    public void Missing_folder_is_a_problem_not_an_exception()
    {
        var result = KnowledgeLoader.Load(Path.Combine(_folder.Root, "nope"));

        Assert.False(result.IsValid);
        Assert.Null(result.Knowledge);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Problem_is_formatted_file_colon_line_colon_message()
    {
        Assert.Equal("faq/x.md:7: boom", new KnowledgeProblem("faq/x.md", 7, "boom").ToString());
    }

    [Fact]
    public void Missing_title_points_at_the_front_matter()
    {
        var file = _folder.Write("faq/alpha.md", """
            ---
            id: alpha
            questions:
              - q one
              - q two
              - q three
            sources: [seed]
            ---
            Answer.
            Sources: Seed.
            """);

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(file, problem.File);
        Assert.Equal(2, problem.Line);
        Assert.Contains("'title'", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{file}:2: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_question_points_at_that_question()
    {
        var file = _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", new string('x', KnowledgeLimits.Question + 1), "q three"]));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(file, problem.File);
        Assert.Equal(6, problem.Line);
        Assert.Contains("101 characters", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Question_at_the_limit_is_accepted()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", new string('x', KnowledgeLimits.Question), "q three"]));

        Assert.Empty(KnowledgeLoader.Load(_folder.Root).Problems);
    }

    [Fact]
    public void Overlong_title_points_at_the_title()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", new string('t', KnowledgeLimits.Title + 5), ["q one", "q two", "q three"]));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(3, problem.Line);
    }

    [Fact]
    public void Bad_yaml_indentation_reports_the_line()
    {
        var file = _folder.Write("faq/alpha.md", """
            ---
            id: alpha
            title: Alpha
              questions:
              - q one
            ---
            Answer.
            Sources: Seed.
            """);

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(file, problem.File);
        Assert.Equal(4, problem.Line);
        Assert.StartsWith("YAML error", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Related_id_that_does_not_exist_points_at_its_line()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"], related: ["beta", "gamma"]));
        _folder.Write("faq/beta.md", KnowledgeFiles.Faq("beta", "Beta", ["b one", "b two", "b three"]));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(_folder.PathOf("faq/alpha.md"), problem.File);
        Assert.Equal(13, problem.Line);
        Assert.Contains("'gamma'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_related_to_itself_is_rejected()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"], related: ["alpha"]));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(12, problem.Line);
    }

    [Fact]
    public void Roadmap_related_id_that_does_not_exist_points_at_the_week_file()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"]));
        var week = _folder.Write("roadmap/week-01.md", KnowledgeFiles.Week(1, 3, related: ["alpha", "ghost"]));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(week, problem.File);
        Assert.Equal(10, problem.Line);
        Assert.Contains("'ghost'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Id_that_does_not_match_the_file_name_points_at_the_id()
    {
        var file = _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha-two", "Alpha", ["q one", "q two", "q three"]));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(file, problem.File);
        Assert.Equal(2, problem.Line);
        Assert.Contains("alpha.md", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Id_with_uppercase_letters_is_rejected()
    {
        _folder.Write("faq/Alpha.md", KnowledgeFiles.Faq("Alpha", "Alpha", ["q one", "q two", "q three"]));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(2, problem.Line);
        Assert.Contains("lowercase", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_question_across_entries_names_both_places_ignoring_case_and_punctuation()
    {
        var alpha = _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "How do I start?", "q three"]));
        var beta = _folder.Write("faq/beta.md", KnowledgeFiles.Faq("beta", "Beta", ["b one", "b two", "how do i START"]));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(beta, problem.File);
        Assert.Equal(7, problem.Line);
        Assert.Contains($"{alpha}:6", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_question_within_one_entry_names_the_first_line()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["Same question", "q two", "same question!"]));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(7, problem.Line);
        Assert.Contains("line 5", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_questions_point_at_the_questions_field()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two"]));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(4, problem.Line);
        Assert.Contains("2 items", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_over_the_message_limit_points_at_the_answer()
    {
        var answer = new string('a', KnowledgeLimits.Answer) + "\nSources: Seed.";
        var file = _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"], answer: answer));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(file, problem.File);
        Assert.Equal(12, problem.Line);
        Assert.Contains("1800", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_exactly_at_the_limit_is_accepted()
    {
        var sources = "\nSources: Seed.";
        var answer = new string('a', KnowledgeLimits.Answer - sources.Length) + sources;
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"], answer: answer));

        Assert.Empty(KnowledgeLoader.Load(_folder.Root).Problems);
    }

    [Fact]
    public void Missing_final_sources_line_points_at_the_last_line_of_the_answer()
    {
        var file = _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"],
            answer: "First line.\nSources: in the middle.\nLast line without sources."));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(file, problem.File);
        Assert.Equal(14, problem.Line);
        Assert.Contains("Sources:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_lines_are_counted_from_the_file_even_after_a_blank_line_below_the_front_matter()
    {
        var file = _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"],
            answer: "\n\nFirst line.\nLast line without sources."));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(file, problem.File);
        Assert.Equal(15, problem.Line);
    }

    [Fact]
    public void Empty_answer_is_rejected()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"], answer: ""));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Contains("empty", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_field_typo_points_at_the_key()
    {
        var file = _folder.Write("faq/alpha.md", """
            ---
            id: alpha
            title: Alpha
            question:
              - q one
              - q two
              - q three
            sources: [seed]
            ---
            Answer.
            Sources: Seed.
            """);

        var problems = KnowledgeLoader.Load(_folder.Root).Problems;

        Assert.All(problems, p => Assert.Equal(file, p.File));
        var unknown = Assert.Single(problems, p => p.Message.Contains("unknown field 'question'", StringComparison.Ordinal));
        Assert.Equal(4, unknown.Line);
        var missing = Assert.Single(problems, p => p.Message.Contains("'questions'", StringComparison.Ordinal));
        Assert.Equal(2, missing.Line);
    }

    [Fact]
    public void Unclosed_front_matter_points_at_the_first_line()
    {
        var file = _folder.Write("faq/alpha.md", "---\nid: alpha\ntitle: Alpha\n\nAnswer.\nSources: Seed.\n");

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(file, problem.File);
        Assert.Equal(1, problem.Line);
        Assert.Contains("not closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_without_front_matter_points_at_the_first_line()
    {
        _folder.Write("faq/alpha.md", "# Alpha\n\nJust Markdown.\n");

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(1, problem.Line);
    }

    [Fact]
    public void Roadmap_gap_is_reported()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"]));
        _folder.Write("roadmap/week-01.md", KnowledgeFiles.Week(1, 3));
        _folder.Write("roadmap/week-02.md", KnowledgeFiles.Week(2, 3));
        var last = _folder.Write("roadmap/week-04.md", KnowledgeFiles.Week(4, 3));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(last, problem.File);
        Assert.Equal(2, problem.Line);
        Assert.Contains("skips week 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Roadmap_not_starting_at_week_one_is_reported()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"]));
        _folder.Write("roadmap/week-02.md", KnowledgeFiles.Week(2, 3));
        _folder.Write("roadmap/week-03.md", KnowledgeFiles.Week(3, 3));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Contains("skips week 1", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public void Week_with_the_wrong_number_of_tasks_points_at_the_tasks_field(int tasks)
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"]));
        var week = _folder.Write("roadmap/week-01.md", KnowledgeFiles.Week(1, tasks));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(week, problem.File);
        Assert.Equal(5, problem.Line);
        Assert.Contains($"{tasks} items", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Week_with_three_to_five_tasks_is_accepted(int tasks)
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"]));
        _folder.Write("roadmap/week-01.md", KnowledgeFiles.Week(1, tasks));

        Assert.Empty(KnowledgeLoader.Load(_folder.Root).Problems);
    }

    [Fact]
    public void Duplicate_week_numbers_name_both_files()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"]));
        var first = _folder.Write("roadmap/week-01.md", KnowledgeFiles.Week(1, 3));
        var second = _folder.Write("roadmap/week-02.md", KnowledgeFiles.Week(1, 3));

        var problems = KnowledgeLoader.Load(_folder.Root).Problems;

        var duplicate = Assert.Single(problems, p => p.Message.Contains("also defined", StringComparison.Ordinal));
        Assert.Equal(second, duplicate.File);
        Assert.Equal(2, duplicate.Line);
        Assert.Contains(first, duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_numeric_week_points_at_the_week_field()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"]));
        _folder.Write("roadmap/week-01.md", KnowledgeFiles.Week(1, 3).Replace("week: 1", "week: one", StringComparison.Ordinal));

        var problems = KnowledgeLoader.Load(_folder.Root).Problems;

        Assert.Contains(problems, p => p.Line == 2 && p.Message.Contains("whole number", StringComparison.Ordinal));
    }

    [Fact]
    public void Lexicon_word_in_two_groups_points_at_the_second_group()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"]));
        var lexicon = _folder.Write("lexicon.yaml", """
            synonyms:
              - [database, db]
              - [kubernetes, k8s]
              - [datastore, DB]
            """);

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(lexicon, problem.File);
        Assert.Equal(4, problem.Line);
        Assert.Contains("line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lexicon_unknown_field_and_single_word_group_are_reported()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"]));
        _folder.Write("lexicon.yaml", """
            synonyms:
              - [alone]
            offtopic:
              - nurse
            """);

        var problems = KnowledgeLoader.Load(_folder.Root).Problems;

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Line == 2 && p.Message.Contains("two words", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 3 && p.Message.Contains("'offtopic'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_about_value_that_no_facet_lists_is_a_problem_on_its_line()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"]).Replace("tags: [sample]", "tags: [sample]\nabout: [india, mars]", StringComparison.Ordinal));
        _folder.Write("lexicon.yaml", """
            facets:
              region: [india, germany]
            """);

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(_folder.PathOf("faq/alpha.md"), problem.File);
        Assert.Equal(9, problem.Line);
        Assert.Contains("'about: mars'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Facets_that_are_malformed_or_read_as_several_terms_are_problems()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"]));
        _folder.Write("lexicon.yaml", """
            facets:
              role: [data analyst, backend]
              region: [backend]
            """);

        var problems = KnowledgeLoader.Load(_folder.Root).Problems;

        Assert.Contains(problems, p => p.Message.Contains("'backend' is a value of both facets", StringComparison.Ordinal));
        _folder.Write("lexicon.yaml", "facets:\n  role: [data analyst]\n");
        var several = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);
        Assert.Contains("'data analyst' of facet 'role' does not read as one term", several.Message, StringComparison.Ordinal);
        _folder.Write("lexicon.yaml", "facets:\n  - region\n");
        Assert.Contains("'facets' must map", Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems).Message, StringComparison.Ordinal);
        _folder.Write("lexicon.yaml", "synonyms:\n  - [data analyst, analyst]\nfacets:\n  role: [data analyst]\n");
        Assert.Empty(KnowledgeLoader.Load(_folder.Root).Problems);
    }

    [Fact]
    public void Lexicon_yaml_error_reports_a_line()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"]));
        _folder.Write("lexicon.yaml", "synonyms:\n  - [database, db]\n   off_topic:\n  - nurse\n");

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(_folder.PathOf("lexicon.yaml"), problem.File);
        Assert.Equal(3, problem.Line);
        Assert.StartsWith("YAML error", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lexicon_with_an_unclosed_bracket_is_a_problem_not_an_exception()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"]));
        _folder.Write("lexicon.yaml", "synonyms:\n  - [database, db]\n  - [kubernetes, k8s\noff_topic:\n  - nurse\n");

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(_folder.PathOf("lexicon.yaml"), problem.File);
        Assert.True(problem.Line >= 1);
        Assert.StartsWith("YAML error", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_with_an_unclosed_bracket_is_a_problem_not_an_exception()
    {
        var file = _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"])
            .Replace("tags: [sample]", "tags: [sample, other", StringComparison.Ordinal));

        var problem = Assert.Single(KnowledgeLoader.Load(_folder.Root).Problems);

        Assert.Equal(file, problem.File);
        Assert.True(problem.Line >= 1);
        Assert.StartsWith("YAML error", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_collected_in_one_run()
    {
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", "q two", "q three"], related: ["missing"]));
        _folder.Write("faq/beta.md", KnowledgeFiles.Faq("beta", "Beta", ["b one", "Q ONE?", "b three"]));
        _folder.Write("faq/gamma.md", "---\nid: gamma\n");
        _folder.Write("faq/delta.md", KnowledgeFiles.Faq("delta", "Delta", ["d one", "d two", "d three"], answer: "No sources here."));
        _folder.Write("roadmap/week-01.md", KnowledgeFiles.Week(1, 2));
        _folder.Write("roadmap/week-03.md", KnowledgeFiles.Week(3, 3));
        _folder.Write("lexicon.yaml", "synonyms:\n  - [a1, b1]\n  - [b1, c1]\n");

        var result = KnowledgeLoader.Load(_folder.Root);

        Assert.False(result.IsValid);
        Assert.Null(result.Knowledge);
        var files = result.Problems.Select(p => Path.GetRelativePath(_folder.Root, p.File).Replace('\\', '/')).ToHashSet();
        Assert.Equal(
            new HashSet<string> { "faq/alpha.md", "faq/beta.md", "faq/gamma.md", "faq/delta.md", "roadmap/week-01.md", "roadmap/week-03.md", "lexicon.yaml" },
            files);
        Assert.True(result.Problems.Count >= 6, string.Join("\n", result.Problems));
        Assert.All(result.Problems, p => Assert.True(p.Line >= 1, p.ToString()));
    }
}
