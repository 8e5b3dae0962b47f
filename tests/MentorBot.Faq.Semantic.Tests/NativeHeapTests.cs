namespace MentorBot.Faq.Semantic.Tests;

public sealed class NativeHeapTests
{
    [Fact]
    public void The_mmap_threshold_is_fixed_wherever_glibc_is_the_allocator_and_nowhere_else()
    {
        // The CI machine and the Docker image are Debian: glibc must accept the setting there, or the measured saving is gone.
        var glibc = OperatingSystem.IsLinux()
            && (File.Exists("/lib/x86_64-linux-gnu/libc.so.6") || File.Exists("/lib/aarch64-linux-gnu/libc.so.6"));

        Assert.Equal(glibc, NativeHeap.FixMmapThreshold());
    }
}
