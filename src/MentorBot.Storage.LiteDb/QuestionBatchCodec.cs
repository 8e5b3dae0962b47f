using System.IO.Compression;
using System.Text;
using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// The blob of a <c>question_log_batches</c> document: the questions of one written batch, length-prefixed UTF-8 and
/// little-endian numbers, deflated. LiteDB spent 35–70 µs of CPU per question on a document per question (BSON
/// building, data pages, index nodes); one blob per batch of up to 500 costs a few µs per question, and the repeated
/// community, engine version and asker hashes compress away.
/// </summary>
internal static class QuestionBatchCodec
{
    // A new layout gets a new number; readers refuse one they do not know rather than misread it.
    private const byte Version = 1;

    /// <summary>A batch's laid-out size per question, to size the first buffer (about 200 bytes measured).</summary>
    private const int BytesPerQuestion = 256;

    public static byte[] Encode(IReadOnlyList<LoggedQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        // Laid out in memory first and deflated in one call: many small writes into a DeflateStream cost more than the
        // rest. Both buffers are pooled (see PooledWriteStream); only the finished blob is a new array.
        using var plain = new PooledWriteStream(questions.Count * BytesPerQuestion);
        using (var writer = new BinaryWriter(plain, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(questions.Count);
            // A batch is nearly always one community: its text is made once, not once a question.
            var community = (Id: default(CommunityId), Text: "");
            foreach (var question in questions)
            {
                if (question.Community != community.Id || community.Text.Length == 0)
                    community = (question.Community, question.Community.ToString());
                Write(writer, question, community.Text);
            }
        }
        using var output = new PooledWriteStream((int)(plain.Length / 4) + 64);
        output.WriteByte(Version);
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
            deflate.Write(plain.Written);
        return output.Written.ToArray();
    }

    public static List<LoggedQuestion> Decode(byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.Length == 0 || blob[0] != Version)
            throw new InvalidDataException($"A question log batch has layout {(blob.Length == 0 ? "(empty)" : blob[0].ToString(System.Globalization.CultureInfo.InvariantCulture))}, which this build does not read.");
        using var input = new MemoryStream(blob, 1, blob.Length - 1, writable: false);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var reader = new BinaryReader(deflate, Encoding.UTF8);
        var count = reader.ReadInt32();
        var questions = new List<LoggedQuestion>(count);
        for (var i = 0; i < count; i++)
            questions.Add(Read(reader));
        return questions;
    }

    /// <summary>The moment a <see cref="QuestionIds"/> id was made, or null for an id of another shape.</summary>
    public static long? IdTicks(string id)
    {
        if (!QuestionIds.IsValid(id))
            return null;
        // The first 13 base32hex characters hold 65 bits: the 64 of the big-endian ticks and one of the random half.
        ulong value = 0;
        for (var i = 0; i < 13; i++)
            value = (value << 5) | (uint)(id[i] <= '9' ? id[i] - '0' : id[i] - 'a' + 10);
        return (long)(value >> 1);
    }

    private static void Write(BinaryWriter writer, LoggedQuestion question, string community)
    {
        writer.Write(question.Id);
        writer.Write(community);
        writer.Write(question.Text);
        // Usually the text itself (only runs of spaces differ): a flag instead of the string again.
        var sameNormalised = string.Equals(question.Normalised, question.Text, StringComparison.Ordinal);
        writer.Write(sameNormalised);
        if (!sameNormalised)
            writer.Write(question.Normalised);
        writer.Write(question.At.UtcTicks);
        writer.Write((short)StoredTime.OffsetMinutes(question.At));
        var decision = question.Decision;
        // Names, not numbers: a member added to either enum must not change what stored batches mean.
        writer.Write(Names<QuestionOutcome>.Of(decision.Outcome));
        WriteOptional(writer, decision.EntryId);
        writer.Write(decision.Confidence.HasValue);
        if (decision.Confidence is { } confidence)
            writer.Write(confidence);
        writer.Write(decision.SuggestionIds.Count);
        foreach (var suggestion in decision.SuggestionIds)
            writer.Write(suggestion);
        WriteOptional(writer, decision.SmallTalk is { } smallTalk ? Names<SmallTalkKind>.Of(smallTalk) : null);
        writer.Write(question.EngineVersion);
        WriteOptional(writer, question.AskerHash);
    }

    private static LoggedQuestion Read(BinaryReader reader)
    {
        var id = reader.ReadString();
        var community = CommunityId.Parse(reader.ReadString());
        var text = reader.ReadString();
        var normalised = reader.ReadBoolean() ? text : reader.ReadString();
        var atTicks = reader.ReadInt64();
        var offsetMinutes = reader.ReadInt16();
        var outcome = Enum.Parse<QuestionOutcome>(reader.ReadString());
        var entryId = ReadOptional(reader);
        double? confidence = reader.ReadBoolean() ? reader.ReadDouble() : null;
        var suggestions = new string[reader.ReadInt32()];
        for (var i = 0; i < suggestions.Length; i++)
            suggestions[i] = reader.ReadString();
        var smallTalk = ReadOptional(reader);
        var engineVersion = reader.ReadString();
        var asker = ReadOptional(reader);
        return new LoggedQuestion(
            id, community, text, normalised, StoredTime.ToDateTimeOffset(atTicks, offsetMinutes),
            new QuestionDecision(outcome)
            {
                EntryId = entryId,
                Confidence = confidence,
                SuggestionIds = suggestions,
                SmallTalk = smallTalk is null ? null : Enum.Parse<SmallTalkKind>(smallTalk),
            },
            engineVersion, asker);
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
            writer.Write(value);
    }

    /// <summary>An enum member's name, made once: Enum.ToString allocates a new string on every call, 5,000 a batch.</summary>
    private static class Names<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<T, string> s_names = Enum.GetValues<T>().ToDictionary(v => v, v => v.ToString());

        public static string Of(T value) => s_names.TryGetValue(value, out var name) ? name : value.ToString();
    }

        private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
