using System.Globalization;
using System.Text;

namespace MentorBot.Core.Knowledge.Learning;

/// <summary>
/// A git-style unified diff of one file: the lines both versions share at the start and at the end are kept, and
/// what lies between is one hunk (with three lines of context), which is exact for the one-place edits the learning
/// loop makes. Line endings are part of the lines, so a CRLF file diffs and applies as CRLF.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff from <paramref name="oldText"/> (null: a new file) to <paramref name="newText"/>; empty when equal.</summary>
    public static string Of(string path, string? oldText, string newText)
    {
        var oldLines = Lines(oldText ?? "");
        var newLines = Lines(newText);
        var prefix = 0;
        while (prefix < oldLines.Count && prefix < newLines.Count && oldLines[prefix] == newLines[prefix])
            prefix++;
        var suffix = 0;
        while (suffix < oldLines.Count - prefix && suffix < newLines.Count - prefix
            && oldLines[oldLines.Count - 1 - suffix] == newLines[newLines.Count - 1 - suffix])
            suffix++;
        if (oldText is not null && prefix == oldLines.Count && prefix == newLines.Count)
            return "";

        var start = Math.Max(0, prefix - Context);
        var oldEnd = Math.Min(oldLines.Count, oldLines.Count - suffix + Context);
        var newEnd = Math.Min(newLines.Count, newLines.Count - suffix + Context);
        var diff = new StringBuilder();
        diff.Append(CultureInfo.InvariantCulture, $"diff --git a/{path} b/{path}\n");
        if (oldText is null)
            diff.Append("new file mode 100644\n--- /dev/null\n");
        else
            diff.Append(CultureInfo.InvariantCulture, $"--- a/{path}\n");
        diff.Append(CultureInfo.InvariantCulture, $"+++ b/{path}\n");
        diff.Append(CultureInfo.InvariantCulture, $"@@ -{Range(start, oldEnd - start)} +{Range(start, newEnd - start)} @@\n");
        for (var i = start; i < prefix; i++)
            Line(diff, ' ', oldLines[i]);
        for (var i = prefix; i < oldLines.Count - suffix; i++)
            Line(diff, '-', oldLines[i]);
        for (var i = prefix; i < newLines.Count - suffix; i++)
            Line(diff, '+', newLines[i]);
        for (var i = oldLines.Count - suffix; i < oldEnd; i++)
            Line(diff, ' ', oldLines[i]);
        return diff.ToString();
    }

    // A range of no lines names the line before it, as diff and git write it.
    private static string Range(int start, int count) =>
        count == 0 ? string.Create(CultureInfo.InvariantCulture, $"{start},0") : string.Create(CultureInfo.InvariantCulture, $"{start + 1},{count}");

    private static void Line(StringBuilder diff, char mark, string line)
    {
        diff.Append(mark).Append(line);
        if (!line.EndsWith('\n'))
            diff.Append("\n\\ No newline at end of file\n");
    }

    /// <summary>The lines with their terminators; a last line without one is kept as it is.</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }
}
