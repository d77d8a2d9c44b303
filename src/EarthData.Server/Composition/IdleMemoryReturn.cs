using EarthData.Gdal;

namespace EarthData.Server.Composition;

/// <summary>
/// Gives memory back once a burst is over. The GC sizes its heap for the load it last saw and, with nothing allocating
/// afterwards, runs no collection that would shrink it: after a burst of 10 MiB search pages an idle server could keep
/// its peak resident for as long as it stays idle. Every <see cref="Interval"/> this service looks at what the process
/// allocated meanwhile; once that has stayed under <see cref="IdleAllocationBytes"/> (idle, or nearly) for
/// <c>idleTicks</c> looks in a row and the GC has committed more than <see cref="GrowthBytes"/> above what it held
/// after the last return, it runs one blocking, compacting collection that decommits what it frees
/// (<see cref="GCCollectionMode.Aggressive"/>) and trims the C heap (<see cref="NativeHeap.Trim"/>). A busy server is
/// never collected by it, and an idle one at most once per growth. The idle spell (15 s by default) keeps it out of
/// short pauses between bursts, where a full blocking collection would only cost time and the memory would be needed
/// again at once.
/// </summary>
/// <param name="idleTicks">Idle looks in a row before memory is returned.</param>
internal sealed class IdleMemoryReturn(int idleTicks = 15) : BackgroundService
{
    /// <summary>How often the allocation rate and the committed heap are read.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Allocation per <see cref="Interval"/> below which the process counts as idle.</summary>
    public const long IdleAllocationBytes = 4L * 1024 * 1024;

    /// <summary>Growth of the committed managed heap that is worth a full collection once idle.</summary>
    public const long GrowthBytes = 64L * 1024 * 1024;

    private long _allocated = GC.GetTotalAllocatedBytes();
    private int _idle;
    private long _committedAfterReturn = GC.GetGCMemoryInfo().TotalCommittedBytes;

    /// <summary>How many times memory was returned (for tests and diagnostics).</summary>
    public int Returns { get; private set; }

    /// <summary>One look: returns the memory when the process has been idle long enough and the heap has grown; true when it did.</summary>
    public bool Tick()
    {
        var allocated = GC.GetTotalAllocatedBytes();
        _idle = allocated - _allocated < IdleAllocationBytes ? _idle + 1 : 0;
        _allocated = allocated;
        if (_idle < idleTicks || GC.GetGCMemoryInfo().TotalCommittedBytes - _committedAfterReturn < GrowthBytes)
        {
            return false;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
        _committedAfterReturn = GC.GetGCMemoryInfo().TotalCommittedBytes;
        _allocated = GC.GetTotalAllocatedBytes();
        Returns++;
        return true;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Tick();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
