using EarthData.Server.Composition;

namespace EarthData.Server.Tests;

/// <summary>The idle server gives back what a burst made the GC commit, and leaves a busy one alone.</summary>
[Collection(nameof(RunsAlone))]
public sealed class IdleMemoryReturnTests
{
    [Fact]
    public void Tick_WhileAllocating_DoesNotCollect()
    {
        var watcher = new IdleMemoryReturn(idleTicks: 1);
        var garbage = 0L;
        for (var i = 0; i < 64; i++)
        {
            garbage += new byte[1024 * 1024].Length; // 64 MiB since the watcher's start: busy
        }

        Assert.False(watcher.Tick());
        Assert.Equal(64L * 1024 * 1024, garbage);
        Assert.Equal(0, watcher.Returns);
    }

    [Fact]
    public void Tick_OnceIdleAfterTheHeapGrew_ReturnsTheMemoryOnce()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true); // whatever ran before is not this test's growth
        var watcher = new IdleMemoryReturn(idleTicks: 2);
        var committedInBurst = Burst(256);
        Assert.False(watcher.Tick()); // the burst was allocated since the watcher started: not idle yet
        Assert.False(watcher.Tick()); // idle for one look: a pause between bursts, perhaps

        Assert.True(watcher.Tick());
        Assert.Equal(1, watcher.Returns);
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
        Assert.True(committed < committedInBurst - (200L * 1024 * 1024), $"committed {committed >> 20} MiB after the return, {committedInBurst >> 20} MiB in the burst");
        Assert.False(watcher.Tick()); // nothing grew since
    }

    /// <summary>Allocates and touches <paramref name="mebibytes"/> MiB, collects while it is live, and drops it; returns the GC's committed bytes then.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static long Burst(int mebibytes)
    {
        var arrays = new List<byte[]>(mebibytes);
        for (var i = 0; i < mebibytes; i++)
        {
            var array = new byte[1024 * 1024];
            Array.Fill(array, (byte)i); // touched, so resident
            arrays.Add(array);
        }

        GC.Collect();
        GC.KeepAlive(arrays);
        return GC.GetGCMemoryInfo().TotalCommittedBytes;
    }
}
