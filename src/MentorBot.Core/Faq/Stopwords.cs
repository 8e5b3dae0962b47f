namespace MentorBot.Core.Faq;

/// <summary>
/// Words that carry no topic in a learner's question: function words plus the generic verbs of asking
/// ("tell me", "should I", "is it worth") and the greetings and thanks around a question ("hi, …", "thanks! and …"), so
/// that what is left is what the question is about.
/// </summary>
internal static class Stopwords
{
    public static readonly HashSet<string> All = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "actually", "after", "again", "all", "also", "am", "an", "and", "any", "anyone", "are", "as", "at",
        "be", "because", "been", "before", "being", "best", "better", "both", "but", "by",
        "can", "could", "currently", "did", "do", "does", "doing", "done", "dont", "each", "either", "else", "even", "ever", "every",
        "few", "for", "from", "further", "get", "gets", "getting", "give", "go", "going", "got",
        "had", "has", "have", "having", "he", "hello", "her", "here", "hey", "hi", "hii", "him", "his", "how", "however",
        "i", "id", "if", "im", "in", "into", "is", "it", "its", "ive", "just", "kind", "kinds", "let", "lets", "like", "lot", "lots",
        "me", "mine", "more", "most", "much", "must", "my", "myself",
        "need", "needed", "needs", "no", "nor", "not", "now", "of", "off", "often", "ok", "okay", "on", "once", "one", "only", "or", "other", "our", "out", "over", "own",
        "please", "pls", "plz", "quite", "really", "right", "same", "say", "she", "should", "so", "some", "someone", "something", "such", "sure",
        "tell", "than", "thank", "thanks", "that", "thats", "the", "their", "them", "then", "there", "these", "they", "thing", "things", "this", "those", "through", "thx", "to", "too",
        "three", "two", "u", "under", "until", "up", "us", "usually", "very", "via", "want", "wanna", "wanted", "wants", "was", "we", "well", "were", "what", "whats", "when", "where", "whether", "which", "while", "whom", "whose", "will", "with", "would",
        "yes", "yet", "you", "your", "youre", "yours",
    };
}
