using MentorBot.Core.Commands;

namespace MentorBot.Host.Console;

/// <summary>
/// The console's way of sending a file: it is written to <see cref="ConsoleOptions.AttachmentDirectory"/> (the working
/// directory by default) and the reply names the path. An existing file is never overwritten.
/// </summary>
internal static class ConsoleAttachments
{
    /// <summary>The line to print after the reply: where the file went, or why it could not be written.</summary>
    public static string Save(ReplyAttachment attachment, string? directory)
    {
        // The name comes from the core (platform id and a timestamp); anything path-like is cut off regardless.
        var name = Path.GetFileName(attachment.FileName);
        if (string.IsNullOrWhiteSpace(name))
            name = "attachment.bin";
        var folder = Path.GetFullPath(string.IsNullOrWhiteSpace(directory) ? Directory.GetCurrentDirectory() : directory);
        try
        {
            Directory.CreateDirectory(folder);
            for (var n = 1; ; n++)
            {
                var path = Path.Combine(folder, n == 1 ? name : $"{Path.GetFileNameWithoutExtension(name)}-{n}{Path.GetExtension(name)}");
                try
                {
                    using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                    file.Write(attachment.Content);
                    return $"Saved {attachment.FileName} ({attachment.Content.Length:N0} bytes) to {path}";
                }
                catch (IOException) when (File.Exists(path) && n < 100)
                {
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"Could not save {attachment.FileName} in {folder}: {ex.Message}";
        }
    }
}
