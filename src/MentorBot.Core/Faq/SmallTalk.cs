namespace MentorBot.Core.Faq;

/// <summary>
/// Recognises greetings, thanks, "who are you", "what can you do" and a bare "help". A message counts only when it is
/// nothing else: "hi, do I need a degree?" is a question, so every word must belong to the small talk, or the message
/// must be short and hold one of the fixed phrases.
/// </summary>
internal static class SmallTalk
{
    private const int MaxPhraseMessageTokens = 8;

    private static readonly HashSet<string> GreetingWords = Set(
        "hi", "hii", "hiii", "hello", "helo", "hellooo", "hey", "heya", "hiya", "yo", "sup", "howdy", "greetings", "hola",
        "namaste", "gm", "morning", "evening", "afternoon", "good");

    private static readonly HashSet<string> ThanksWords = Set(
        "thanks", "thank", "thankyou", "thanx", "thnx", "thx", "ty", "tysm", "tyvm", "appreciate", "appreciated", "cheers", "shukriya", "dhanyavad");

    private static readonly HashSet<string> FarewellWords = Set("bye", "goodbye", "cya", "later", "night", "goodnight", "gn");

    // Words that may stand beside the small talk without making it a question.
    private static readonly HashSet<string> Filler = Set(
        "there", "all", "everyone", "everybody", "guys", "folks", "team", "friends", "bot", "mentorbot", "mentor", "buddy", "bro",
        "man", "dude", "sir", "maam", "you", "u", "so", "much", "very", "a", "lot", "lots", "again", "for", "the", "help", "that",
        "this", "it", "great", "cool", "ok", "okay", "awesome", "nice", "perfect", "got", "helped", "helps", "helpful", "really",
        "and", "have", "day", "see", "ya", "to", "i", "just", "wanted", "say", "how", "are", "doing", "whats", "up", "what", "s",
        "is", "going", "on", "hope", "well", "youre", "ur", "its", "oh", "ah", "lol", "haha", "pls", "please", "plz", "now");

    private static readonly string[][] IdentityPhrases = Phrases(
        "who are you", "who r u", "who are u", "what are you", "are you a bot", "are you human", "are you a human",
        "are you ai", "are you an ai", "are you real", "your name", "who made you", "who built you", "who created you",
        "introduce yourself", "tell me about yourself", "what is mentorbot", "who is mentorbot");

    private static readonly string[][] CapabilityPhrases = Phrases(
        "what can you do", "what can u do", "what do you do", "what can i ask", "what should i ask", "how do you work",
        "how does this work", "how does this bot work", "what are you for", "how can you help", "what do you know",
        "what are your commands", "what commands", "how do i use you", "how to use this bot", "what can you help");

    private static readonly HashSet<string> HelpMessages = Set("help", "help me", "help pls", "help please", "pls help", "please help", "commands", "menu", "start");

    public static SmallTalkKind? Classify(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
            return null;
        var joined = string.Join(' ', tokens);
        if (HelpMessages.Contains(joined))
            return SmallTalkKind.Help;
        if (tokens.Count <= MaxPhraseMessageTokens)
        {
            if (ContainsPhrase(tokens, CapabilityPhrases))
                return SmallTalkKind.Capabilities;
            if (ContainsPhrase(tokens, IdentityPhrases))
                return SmallTalkKind.Identity;
        }

        SmallTalkKind? kind = null;
        foreach (var token in tokens)
        {
            if (ThanksWords.Contains(token))
                kind = SmallTalkKind.Thanks;
            else if (FarewellWords.Contains(token))
                kind ??= SmallTalkKind.Farewell;
            else if (GreetingWords.Contains(token))
                kind ??= SmallTalkKind.Greeting;
            else if (!Filler.Contains(token))
                return null;
        }

        return kind;
    }

    private static bool ContainsPhrase(IReadOnlyList<string> tokens, string[][] phrases)
    {
        foreach (var phrase in phrases)
        {
            for (var start = 0; start + phrase.Length <= tokens.Count; start++)
            {
                var match = true;
                for (var i = 0; i < phrase.Length && match; i++)
                    match = tokens[start + i] == phrase[i];
                if (match)
                    return true;
            }
        }

        return false;
    }

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);

    private static string[][] Phrases(params string[] phrases) =>
        [.. phrases.Select(p => p.Split(' '))];
}
