using EarthData.Core.Catalog;

namespace EarthData.Jobs.State;

/// <summary>
/// One stage of one scene running under this worker's lease. While it lives, the lease is renewed every third of
/// <see cref="SceneStateOptions.LeaseDuration"/>; if a renewal finds the lease taken (this worker stalled past its
/// expiry and another took over), <see cref="CancellationToken"/> is cancelled so the work stops instead of racing the
/// new holder. Progress reported through <see cref="Progress"/> is written to the record at most once a second.
/// </summary>
public sealed class StageRun : IAsyncDisposable
{
    private readonly SceneStateService _service;
    private readonly CancellationTokenSource _lost;
    private readonly CancellationTokenSource _linked;
    private readonly Task _renewal;
    private readonly CancellationTokenSource _stopRenewal = new();
    private readonly ProgressWriter _progress;
    private int _disposed;

    internal StageRun(SceneStateService service, string sceneId, SceneStage stage, string owner, CancellationToken cancellationToken)
    {
        _service = service;
        SceneId = sceneId;
        Stage = stage;
        Owner = owner;
        _lost = new CancellationTokenSource();
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lost.Token);
        _progress = new ProgressWriter(this);
        _renewal = RenewAsync();
    }

    /// <summary>The scene.</summary>
    public string SceneId { get; }

    /// <summary>The stage.</summary>
    public SceneStage Stage { get; }

    /// <summary>The lease owner (this worker).</summary>
    public string Owner { get; }

    /// <summary>Cancelled when the caller's token is, or when the lease is lost.</summary>
    public CancellationToken CancellationToken => _linked.Token;

    /// <summary>Whether the lease was lost while running.</summary>
    public bool LeaseLost => _lost.IsCancellationRequested;

    /// <summary>Stage progress in [0, 1]; written to the record as percent, throttled.</summary>
    public IProgress<double> Progress => _progress;

    /// <summary>Stops renewing and flushes progress (does not release the lease: complete or fail the stage for that). Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopRenewal.CancelAsync().ConfigureAwait(false);
        try
        {
            await _renewal.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _progress.FlushAsync().ConfigureAwait(false);
        _stopRenewal.Dispose();
        _linked.Dispose();
        _lost.Dispose();
    }

    private async Task RenewAsync()
    {
        var period = _service.Options.LeaseDuration / 3;
        using var timer = new PeriodicTimer(period, _service.Time);
        while (await timer.WaitForNextTickAsync(_stopRenewal.Token).ConfigureAwait(false))
        {
            bool held;
            try
            {
                held = await _service.RenewLeaseAsync(this, _stopRenewal.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is unreachable: keep working; the next tick tries again before the lease lapses.
                continue;
            }

            if (!held)
            {
                await _lost.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>Writes progress (percent) at most once a second, one write at a time, the latest value winning.</summary>
    private sealed class ProgressWriter(StageRun run) : IProgress<double>
    {
        private readonly object _gate = new();
        private double _pending = -1;
        private double _written = -1;
        private long _lastWrite;
        private Task _writing = Task.CompletedTask;

        public void Report(double value)
        {
            var percent = Math.Round(Math.Clamp(value, 0, 1) * 100, 1);
            lock (_gate)
            {
                _pending = percent;
                var now = Environment.TickCount64;
                if (!_writing.IsCompleted || percent <= _written || now - _lastWrite < 1000)
                {
                    return;
                }

                _lastWrite = now;
                _writing = WriteAsync();
            }
        }

        public async Task FlushAsync()
        {
            Task writing;
            lock (_gate)
            {
                writing = _writing;
            }

            await writing.ConfigureAwait(false);
        }

        private async Task WriteAsync()
        {
            double percent;
            lock (_gate)
            {
                percent = _pending;
            }

            try
            {
                await run._service.WriteProgressAsync(run, percent, CancellationToken.None).ConfigureAwait(false);
                lock (_gate)
                {
                    _written = Math.Max(_written, percent);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Progress is advisory: a failed write is dropped, the next report tries again.
            }
        }
    }
}
