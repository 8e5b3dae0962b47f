using System.Text.RegularExpressions;

namespace MentorBot.Core.Faq;

/// <summary>
/// Romanised Hindi in a learner's question ("backend dev ka salary kitna hota hai"), glossed word by word into
/// English before either ranker reads it. Many learners in Indian communities write this way; the lexical ranker
/// knows none of these words and the embedding model (trained on English) reads them as noise, so a Hinglish
/// question was matched by its one or two English nouns only: 55 of 74 in-scope Hinglish questions of the fitting
/// sets were answered right, against about 95 % of the rest. The gloss keeps the Hindi word order; both rankers
/// mostly weigh which words occur, not their order.
/// </summary>
internal static partial class HinglishGloss
{
    // Words that are Hindi and not English (or whose English reading is implausible in a question to a mentor).
    // A message is glossed only when it has two of these, so an English question that happens to contain "me",
    // "main", "log" or "par" keeps its words.
    private static readonly Dictionary<string, string> Marked = new(StringComparer.OrdinalIgnoreCase)
    {
        // Question words.
        ["kya"] = "what", ["kaise"] = "how", ["kaisa"] = "how", ["kaisi"] = "how", ["kaun"] = "who",
        ["konsa"] = "which", ["kaunsa"] = "which", ["konsi"] = "which", ["kaunsi"] = "which", ["konse"] = "which",
        ["kaunse"] = "which", ["kitna"] = "how much", ["kitni"] = "how much", ["kitne"] = "how many", ["kab"] = "when",
        ["kyun"] = "why", ["kyu"] = "why", ["kyon"] = "why", ["kahan"] = "where", ["kidhar"] = "where",
        // Being and helpers.
        ["hai"] = "is", ["hain"] = "are", ["hu"] = "am", ["hoon"] = "am", ["hun"] = "am", ["tha"] = "was",
        ["thi"] = "was", ["hota"] = "is", ["hoti"] = "is", ["hote"] = "are", ["hoga"] = "will be", ["hogi"] = "will be",
        ["sakta"] = "can", ["sakti"] = "can", ["sakte"] = "can", ["chahiye"] = "should", ["chaiye"] = "should",
        ["chahie"] = "should", ["raha"] = "", ["rahi"] = "", ["rahe"] = "",
        // Particles and small words.
        ["nahi"] = "not", ["nhi"] = "not", ["nahin"] = "not", ["bina"] = "without", ["aur"] = "and", ["bhi"] = "also",
        ["sirf"] = "only", ["abhi"] = "now", ["phir"] = "then", ["pehle"] = "first", ["baad"] = "after",
        ["mein"] = "in", ["liye"] = "for", ["saath"] = "with", ["sath"] = "with", ["wala"] = "", ["wale"] = "",
        ["wali"] = "", ["waala"] = "", ["mujhe"] = "me", ["muje"] = "me", ["mera"] = "my", ["meri"] = "my",
        ["mere"] = "my", ["humko"] = "us", ["aap"] = "you", ["aapko"] = "you", ["tum"] = "you", ["koi"] = "any",
        ["kuch"] = "some", ["kuchh"] = "some", ["sabhi"] = "all", ["dono"] = "both", ["yeh"] = "this",
        ["woh"] = "that", ["isme"] = "in this", ["ismein"] = "in this", ["iske"] = "its", ["uske"] = "its",
        ["bhai"] = "", ["yaar"] = "", ["toh"] = "", ["jaise"] = "like", ["ekdum"] = "",
        // Verbs.
        ["karna"] = "do", ["karu"] = "do", ["karun"] = "do", ["karoon"] = "do", ["karte"] = "do", ["karta"] = "do",
        ["karti"] = "do", ["karein"] = "do", ["karo"] = "do", ["karke"] = "doing", ["seekhu"] = "learn",
        ["seekhun"] = "learn", ["seekhna"] = "learn", ["seekhne"] = "learn", ["sikhna"] = "learn", ["sikhne"] = "learn",
        ["sikhu"] = "learn", ["seekhe"] = "learn", ["sikhe"] = "learn", ["seekhni"] = "learn", ["sikhni"] = "learn",
        ["seekhta"] = "learn", ["sikhta"] = "learn", ["karni"] = "do", ["karne"] = "do", ["padhne"] = "study",
        ["lena"] = "take", ["leni"] = "take", ["dena"] = "give", ["sabse"] = "most", ["padhna"] = "study", ["padhu"] = "study",
        ["padhai"] = "studies", ["banna"] = "become", ["banu"] = "become", ["banne"] = "become", ["banta"] = "becomes",
        ["milega"] = "get", ["milegi"] = "get", ["milta"] = "get", ["milti"] = "get", ["milna"] = "get",
        ["milenge"] = "get", ["mila"] = "got", ["mili"] = "got", ["lagta"] = "seems", ["lagti"] = "seems",
        ["samjha"] = "explain", ["samjhao"] = "explain", ["samjhaiye"] = "explain", ["samajh"] = "understand",
        ["batao"] = "tell", ["bataye"] = "tell", ["bataiye"] = "tell", ["btao"] = "tell", ["chahta"] = "want",
        ["chahti"] = "want", ["chahte"] = "want", ["kamate"] = "earn", ["kamata"] = "earns", ["kamati"] = "earns",
        ["kamana"] = "earn", ["kamai"] = "earning", ["jaana"] = "go", ["jana"] = "go", ["jata"] = "goes",
        ["jaata"] = "goes", ["dekhte"] = "look at", ["dekhti"] = "look at", ["lagega"] = "take", ["lagenge"] = "take",
        ["pata"] = "know", ["shuru"] = "start", ["daal"] = "put", ["dalke"] = "putting",
        // Nouns and adjectives.
        ["naukri"] = "job", ["naukari"] = "job", ["paisa"] = "money", ["paise"] = "money", ["tankhwah"] = "salary",
        ["farak"] = "difference", ["fark"] = "difference", ["antar"] = "difference", ["accha"] = "good",
        ["acha"] = "good", ["achha"] = "good", ["achhi"] = "good", ["acchi"] = "good", ["behtar"] = "better",
        ["sahi"] = "right", ["galat"] = "wrong", ["kaam"] = "work", ["zaroori"] = "necessary",
        ["zaruri"] = "necessary", ["jaruri"] = "necessary", ["madad"] = "help", ["saal"] = "years",
        ["mahine"] = "months", ["sawal"] = "question", ["tarika"] = "way", ["tareeka"] = "way",
    };

    // Words that are also English (or English abbreviations): glossed only in a message already marked as Hindi.
    private static readonly Dictionary<string, string> Ambiguous = new(StringComparer.OrdinalIgnoreCase)
    {
        ["me"] = "in", ["mai"] = "in", ["main"] = "i", ["ke"] = "of", ["ki"] = "of", ["ka"] = "of", ["ko"] = "to",
        ["se"] = "from", ["pe"] = "on", ["par"] = "on", ["ya"] = "or", ["ban"] = "become", ["log"] = "people",
        ["sab"] = "all", ["kar"] = "do", ["ye"] = "this", ["wo"] = "that", ["vo"] = "that", ["na"] = "",
        ["ho"] = "be", ["din"] = "day", ["hum"] = "we", ["ap"] = "you", ["dar"] = "fear",
    };

    /// <summary>
    /// The question with its Hindi words replaced by English ones, or the question itself when it does not read as
    /// Hinglish (fewer than two words that are only Hindi).
    /// </summary>
    public static string Apply(string question)
    {
        // Every question passes here, and almost none is Hinglish: the check looks words up as spans, without
        // allocating a string per word.
        var marked = 0;
        var lookup = Marked.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var match in Word().EnumerateMatches(question))
        {
            if (lookup.ContainsKey(question.AsSpan(match.Index, match.Length)) && ++marked == 2)
                break;
        }

        if (marked < 2)
            return question;
        return Word().Replace(question, m =>
            Marked.GetValueOrDefault(m.Value) ?? Ambiguous.GetValueOrDefault(m.Value) ?? m.Value);
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
