using System.IO.Compression;
using System.Text;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;

namespace MentorBot.Storage.LiteDb.Tests;

/// <summary>The batch blob's layout stays the one stored files hold, and encoding a full batch costs no large garbage.</summary>
public sealed class QuestionBatchCodecTests
{
    private static readonly CommunityId Guild = new("discord", "1");
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Encoding_a_full_batch_allocates_little_more_than_the_blob_it_returns()
    {
        var questions = Batch(QuestionLogWriterBatch);
        QuestionBatchCodec.Encode(questions);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var blob = QuestionBatchCodec.Encode(questions);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The laid-out batch is about a megabyte; kept in growing MemoryStreams it allocated over 2 MB of large arrays a
        // batch (and so brought on full collections). Pooled, what remains is the blob and small change.
        Assert.True(allocated < blob.Length + (64 * 1024), $"Encoding allocated {allocated:N0} bytes for a {blob.Length:N0}-byte blob.");
        Assert.Equal(questions.Select(q => q.Id), QuestionBatchCodec.Decode(blob).Select(q => q.Id));
    }

    [Fact]
    public void The_layout_is_version_1_length_prefixed_utf8_and_little_endian_as_stored_files_hold_it()
    {
        var question = new LoggedQuestion(
            QuestionIds.New(Start), Guild, "Do I need  a degree? é", "Do I need a degree? é", Start,
            new QuestionDecision(QuestionOutcome.Suggested) { Confidence = 0.25, SuggestionIds = ["a", "b-c"] }, "kb-0 cal-default sem-off", "hash");

        var blob = QuestionBatchCodec.Encode([question]);

        Assert.Equal(1, blob[0]);
        using var expected = new MemoryStream();
        using (var writer = new BinaryWriter(expected, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(1);
            writer.Write(question.Id);
            writer.Write("discord:1");
            writer.Write(question.Text);
            writer.Write(false);
            writer.Write(question.Normalised);
            writer.Write(Start.UtcTicks);
            writer.Write((short)120);
            writer.Write("Suggested");
            writer.Write(false);
            writer.Write(true);
            writer.Write(0.25);
            writer.Write(2);
            writer.Write("a");
            writer.Write("b-c");
            writer.Write(false);
            writer.Write("kb-0 cal-default sem-off");
            writer.Write(true);
            writer.Write("hash");
        }
        using var inflated = new MemoryStream();
        using (var deflate = new DeflateStream(new MemoryStream(blob, 1, blob.Length - 1), CompressionMode.Decompress))
            deflate.CopyTo(inflated);
        Assert.Equal(expected.ToArray(), inflated.ToArray());
    }

    private const int QuestionLogWriterBatch = IQuestionLog.MaxAppendBatch;

    private static List<LoggedQuestion> Batch(int count) => Enumerable.Range(0, count).Select(i => new LoggedQuestion(
        QuestionIds.New(Start.AddMilliseconds(i)), Guild, $"how do I become a backend developer without a degree, question {i}",
        $"how do I become a backend developer without a degree, question {i}", Start.AddMilliseconds(i),
        new QuestionDecision(QuestionOutcome.Answered) { EntryId = "degree-required", Confidence = 0.8125 },
        "kb-0123abcd cal-2026-12-02 sem-on", $"asker-hash-{i % 50}")).ToList();
}
