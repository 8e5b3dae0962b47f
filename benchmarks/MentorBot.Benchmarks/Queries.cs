namespace MentorBot.Benchmarks;

/// <summary>The fixed question set every FAQ latency run asks: in-scope, misspelt, vague and off-topic.</summary>
internal static class Queries
{
    /// <summary>The kind of each question in <see cref="All"/>, by position.</summary>
    public static string KindOf(int index) => index < 24 ? "in-scope" : index < 32 ? "misspelt/terse" : "off-topic";

    public static IReadOnlyList<string> All { get; } =
    [
        // In scope, plainly worded.
        "How do I learn to build REST APIs?",
        "Do I need a computer science degree to become a backend developer?",
        "What is the average backend developer salary in India?",
        "How much do backend engineers earn in the US?",
        "Which programming language should I learn first for backend?",
        "SQL or NoSQL, which database should I learn?",
        "How long does it take to become a backend developer?",
        "What projects should I put in my portfolio?",
        "How do I get a backend job with no experience?",
        "Is backend development a good career in 2025?",
        "What is the difference between frontend and backend?",
        "Should I become full stack or stay backend only?",
        "Do I need to learn Docker and Kubernetes?",
        "How do I deploy my app to AWS?",
        "What certifications are worth it for backend developers?",
        "How important are data structures and algorithms for interviews?",
        "What soft skills do backend developers need?",
        "How do I keep up with new backend technologies?",
        "What does a backend developer actually do all day?",
        "How do I write unit tests and debug my code?",
        "Which framework should I pick, Django, Spring or Express?",
        "How do I learn git and GitHub?",
        "Which companies are hiring backend developers right now?",
        "How do I secure my API with authentication?",
        // Misspelt and terse.
        "how do i lern rest apis",
        "backend develper salery india",
        "wich langauge first for backend",
        "do i need a degre",
        "kubernets vs docker",
        "internship for freshers backend",
        "roadmap",
        "sql",
        // Off-topic or out of the knowledge base.
        "How do I become a nurse?",
        "What is the best CSS framework for animations?",
        "How do I train for a marathon?",
        "Can you recommend a good pizza recipe?",
        "How do I become an airline pilot?",
        "What is the capital of Australia?",
        "Swift or Kotlin for mobile apps?",
        "How much does a dentist earn?",
    ];
}
