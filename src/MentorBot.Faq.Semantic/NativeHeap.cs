using System.Runtime.InteropServices;

namespace MentorBot.Faq.Semantic;

/// <summary>
/// glibc's malloc raises its mmap threshold each time a large block is freed, so after the first questions ONNX
/// Runtime's per-question buffers (hundreds of KiB to a few MiB) come from the heap arenas instead, and what is freed
/// there stays resident. How much depends on which threads ran those questions: the idle host settled at either about
/// 240 or about 265 MiB from one run to the next. A fixed threshold keeps such buffers in mappings of their own, given
/// back to the system when freed; the idle host then settled at 237 MiB in six runs of six (memory benchmark,
/// docs/faq-engine.md). Elsewhere (musl, macOS, Windows) nothing is changed.
/// </summary>
public static partial class NativeHeap
{
    private const int MmapThresholdParameter = -3; // M_MMAP_THRESHOLD in glibc's malloc.h

    /// <summary>glibc's own starting value, kept from then on instead of growing.</summary>
    public const int MmapThreshold = 128 * 1024;

    /// <summary>Fixes glibc's mmap threshold for the whole process; false where there is no glibc to ask.</summary>
    public static bool FixMmapThreshold()
    {
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            return Mallopt(MmapThresholdParameter, MmapThreshold) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
