using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace MentorBot.Core.Knowledge.Learning;

/// <summary>
/// Writes a <see cref="KnowledgeChange"/> into the live knowledge folder, when <c>Knowledge:Writable</c> is true. The
/// change is first applied to a copy of what the loader reads, and written only if that copy passes the same check
/// as <c>knowledge check</c>; then the file is replaced by a rename, so the watcher (<see cref="FileKnowledgeProvider"/>)
/// never reads half a file, and it reloads as after any edit. A change made from a file that has changed since is
/// refused, so a moderator never overwrites an edit they did not see. A refusal changes nothing.
/// </summary>
public sealed partial class KnowledgeWriter(string knowledgeRoot, bool writable, ILogger<KnowledgeWriter> logger)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Lock _gate = new();

    /// <summary>The message when writing is off; the patch is then only offered as a download.</summary>
    public const string NotWritable =
        "Knowledge:Writable is false, so the knowledge folder is not changed from here. Download the patch, apply it with git apply and commit it.";

    public bool Writable => writable;

    public KnowledgeWriteResult Apply(KnowledgeChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!writable)
        {
            LogNotWritable(logger, change.Path);
            return KnowledgeWriteResult.Refused(NotWritable);
        }

        if (!FaqPath().IsMatch(change.Path))
            return KnowledgeWriteResult.Refused($"Only FAQ files (faq/<id>.md) are written from here, not '{change.Path}'.");

        var target = Path.Combine(knowledgeRoot, change.Path.Replace('/', Path.DirectorySeparatorChar));
        lock (_gate)
        {
            try
            {
                if (Conflict(change, target) is { } conflict)
                {
                    LogConflict(logger, change.Path);
                    return KnowledgeWriteResult.Refused(conflict);
                }

                var problems = CheckWithChange(change);
                if (problems.Count > 0)
                {
                    LogCheckFailed(logger, change.Path, problems.Count);
                    return KnowledgeWriteResult.Refused(
                        $"knowledge check fails with this change ({problems.Count} problem(s)); nothing was written. First: {problems[0]}", problems);
                }

                Replace(target, change.NewText, overwrite: change.OldText is not null);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogWriteFailed(logger, change.Path, ex.Message);
                return KnowledgeWriteResult.Refused($"{change.Path} could not be written: {ex.Message}. Nothing was changed.");
            }
        }

        LogWritten(logger, change.Path, change.Description);
        return new KnowledgeWriteResult(true, $"Written to {change.Path}; the bot reloads the knowledge folder in a moment.", []);
    }

    private static string? Conflict(KnowledgeChange change, string target)
    {
        var exists = File.Exists(target);
        if (change.OldText is null)
            return exists ? $"{change.Path} already exists; make the draft again." : null;
        if (!exists || Encoding.UTF8.GetString(File.ReadAllBytes(target)) != change.OldText)
            return $"{change.Path} has changed since this change was made; make it again from the current file.";
        return null;
    }

    /// <summary>The loader's verdict on a temporary copy of the folder with the change applied, located in the live folder.</summary>
    private List<KnowledgeProblem> CheckWithChange(KnowledgeChange change)
    {
        var copy = Directory.CreateTempSubdirectory("mentorbot-knowledge-check-").FullName;
        try
        {
            foreach (var folder in new[] { "faq", "roadmap" })
            {
                var source = Path.Combine(knowledgeRoot, folder);
                if (!Directory.Exists(source))
                    continue;
                Directory.CreateDirectory(Path.Combine(copy, folder));
                foreach (var file in Directory.EnumerateFiles(source, "*.md"))
                    File.Copy(file, Path.Combine(copy, folder, Path.GetFileName(file)));
            }

            foreach (var file in new[] { "lexicon.yaml", Loading.OffTopicFileReader.FileName, Faq.FaqCalibration.FileName })
            {
                if (File.Exists(Path.Combine(knowledgeRoot, file)))
                    File.Copy(Path.Combine(knowledgeRoot, file), Path.Combine(copy, file));
            }

            var changed = Path.Combine(copy, change.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(changed)!);
            File.WriteAllText(changed, change.NewText, Utf8);
            return KnowledgeLoader.Load(copy).Problems
                .Select(p => p with { File = p.File.StartsWith(copy, StringComparison.Ordinal) ? Path.Join(knowledgeRoot, p.File[copy.Length..]) : p.File })
                .ToList();
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>Writes a hidden temporary file beside the target, flushed to disk, and renames it over the target.</summary>
    private static void Replace(string target, string text, bool overwrite)
    {
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Utf8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    [GeneratedRegex("^faq/[a-z0-9]+(-[a-z0-9]+)*\\.md$")]
    private static partial Regex FaqPath();

    [LoggerMessage(EventId = 1800, Level = LogLevel.Information, Message = "Knowledge change written to {Path}: {Description}")]
    private static partial void LogWritten(ILogger logger, string path, string description);

    [LoggerMessage(EventId = 1801, Level = LogLevel.Information, Message = "Knowledge change to {Path} not written: Knowledge:Writable is false")]
    private static partial void LogNotWritable(ILogger logger, string path);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Warning, Message = "Knowledge change to {Path} not written: knowledge check found {Count} problem(s) in the result")]
    private static partial void LogCheckFailed(ILogger logger, string path, int count);

    [LoggerMessage(EventId = 1803, Level = LogLevel.Warning, Message = "Knowledge change to {Path} not written: the file changed since the change was made")]
    private static partial void LogConflict(ILogger logger, string path);

    [LoggerMessage(EventId = 1804, Level = LogLevel.Error, Message = "Knowledge change to {Path} could not be written: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, string path, string reason);
}
