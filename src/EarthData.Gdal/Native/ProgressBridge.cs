using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace EarthData.Gdal.Native;

/// <summary>
/// Bridges a <c>GDALProgressFunc</c> to <see cref="IProgress{T}"/> and a <see cref="CancellationToken"/>:
/// the callback returns 0 when the token is cancelled, which makes GDAL stop with CPLE_UserInterrupt.
/// </summary>
internal sealed unsafe class ProgressBridge : IDisposable
{
    private readonly IProgress<double>? _progress;
    private GCHandle _self;
    private ExceptionDispatchInfo? _callbackException;

    public ProgressBridge(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        _progress = progress;
        CancellationToken = cancellationToken;
        _self = GCHandle.Alloc(this);
    }

    public CancellationToken CancellationToken { get; }

    /// <summary>Whether the callback asked GDAL to stop because the token was cancelled.</summary>
    public bool WasCancelled { get; private set; }

    /// <summary>The native callback to pass as <c>pfnProgress</c>.</summary>
    public static delegate* unmanaged<double, byte*, nint, int> Callback => &OnProgress;

    /// <summary>The value to pass as <c>pProgressArg</c>.</summary>
    public nint UserData => GCHandle.ToIntPtr(_self);

    /// <summary>Rethrows an exception thrown by the caller's <see cref="IProgress{T}"/> during the call.</summary>
    public void ThrowIfCallbackFailed() => _callbackException?.Throw();

    public void Dispose()
    {
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    [UnmanagedCallersOnly]
    private static int OnProgress(double complete, byte* message, nint userData)
    {
        try
        {
            if (userData == 0 || GCHandle.FromIntPtr(userData).Target is not ProgressBridge bridge)
            {
                return 1;
            }

            if (bridge.CancellationToken.IsCancellationRequested)
            {
                bridge.WasCancelled = true;
                return 0;
            }

            bridge._progress?.Report(Math.Clamp(complete, 0.0, 1.0));
            if (bridge.CancellationToken.IsCancellationRequested)
            {
                bridge.WasCancelled = true;
                return 0;
            }

            return 1;
        }
#pragma warning disable CA1031 // Never let an exception cross the native boundary; rethrown after the call.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            try
            {
                if (GCHandle.FromIntPtr(userData).Target is ProgressBridge bridge)
                {
                    bridge._callbackException ??= ExceptionDispatchInfo.Capture(ex);
                }
            }
#pragma warning disable CA1031
            catch
#pragma warning restore CA1031
            {
            }

            return 0;
        }
    }
}
