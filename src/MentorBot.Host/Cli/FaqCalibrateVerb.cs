using System.Globalization;
using MentorBot.Core.Faq;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>faq calibrate --out FILE SET.tsv…</c>: refits the fusion weight and the decision models on labelled sets and
/// writes the calibration file. Never give it a set whose accuracy you report.
/// </summary>
internal static class FaqCalibrateVerb
{
    public static int Run(FaqService faq, string output, IReadOnlyList<string> files, TimeProvider time, CliConsole console)
    {
        var missing = files.Where(f => !File.Exists(f)).ToList();
        if (files.Count == 0 || missing.Count > 0)
        {
            console.Error.WriteLine(files.Count == 0 ? "faq calibrate needs at least one question<TAB>expected file." : $"No such file: {string.Join(", ", missing)}");
            return 2;
        }

        var questions = new List<FaqLabelledQuestion>();
        var fittedOn = new List<string>();
        foreach (var file in files)
        {
            var rows = FaqLabelledQuestion.ReadTsv(File.ReadLines(file)).ToList();
            questions.AddRange(rows);
            fittedOn.Add($"{Path.GetFileName(file)} ({rows.Count} questions)");
        }

        var command = "dotnet run --project src/MentorBot.Host -- faq calibrate --out " + output + " " + string.Join(' ', files);
        var fitted = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var calibration = FaqCalibrator.Fit(faq, questions, command, fittedOn, faq.ModelId, fitted);
        File.WriteAllText(output, calibration.ToJson() + "\n");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fitted on {questions.Count} questions: lexical weight {calibration.LexicalWeight:0.0}, answer at {calibration.Semantic.AnswerAt:0.00} (semantic) / {calibration.Lexical.AnswerAt:0.00} (lexical); wrote {output}"));
        return 0;
    }
}
