using MentorBot.Core.Faq.Semantic;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace MentorBot.Faq.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 run by ONNX Runtime on the CPU: WordPiece tokens in, the mean of the last hidden states over the
/// real tokens out, L2-normalised, as sentence-transformers computes it. One intra-op thread per question: a question
/// is a few milliseconds of work, and on a small host parallel questions use the cores better than one question
/// split across them.
/// </summary>
public sealed class OnnxTextEmbedder : ITextEmbedder, IDisposable
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly int _maxTokens;
    private readonly string[] _inputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private readonly string[] _outputNames = ["last_hidden_state"];

    public OnnxTextEmbedder(ModelBundle bundle, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        _maxTokens = Math.Clamp(maxTokens, 8, 512);
        _tokenizer = BertTokenizer.Create(bundle.VocabularyPath);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // The arena keeps the peak of every question's buffers for good; without it memory follows the work.
            EnableCpuMemArena = false,
            EnableMemoryPattern = false,
        };
        _session = new InferenceSession(bundle.ModelPath, options);
        ModelId = bundle.ModelId;
        Dimensions = _session.OutputMetadata["last_hidden_state"].Dimensions[^1];
    }

    public string ModelId { get; }

    public int Dimensions { get; }

    public float[] Embed(string text)
    {
        var ids = _tokenizer.EncodeToIds(text ?? "", _maxTokens, out _, out _);
        var count = ids.Count;
        var inputIds = new long[count];
        var mask = new long[count];
        var types = new long[count];
        for (var i = 0; i < count; i++)
        {
            inputIds[i] = ids[i];
            mask[i] = 1;
        }

        long[] shape = [1, count];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, _inputNames, [idsValue, maskValue, typesValue], _outputNames);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        return MeanPool(hidden, count, Dimensions);
    }

    internal static float[] MeanPool(ReadOnlySpan<float> hidden, int tokens, int dimensions)
    {
        var vector = new float[dimensions];
        for (var t = 0; t < tokens; t++)
        {
            var row = hidden.Slice(t * dimensions, dimensions);
            for (var d = 0; d < dimensions; d++)
                vector[d] += row[d];
        }

        var norm = 0.0;
        foreach (var x in vector)
            norm += x * x;
        norm = Math.Sqrt(norm);
        if (norm > 0)
        {
            for (var d = 0; d < dimensions; d++)
                vector[d] = (float)(vector[d] / norm);
        }

        return vector;
    }

    public void Dispose() => _session.Dispose();
}
