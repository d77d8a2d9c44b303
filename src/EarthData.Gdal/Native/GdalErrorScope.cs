using System.Globalization;
using System.Runtime.InteropServices;

namespace EarthData.Gdal.Native;

/// <summary>One message GDAL raised through CPLError.</summary>
internal readonly record struct GdalErrorRecord(int ErrorClass, int ErrorNumber, string Message);

/// <summary>
/// Collects CPL errors raised on the current thread while it is alive (<c>CPLPushErrorHandlerEx</c> with this
/// scope as user data). Dispose on the creating thread, without awaiting in between.
/// </summary>
internal sealed unsafe class GdalErrorScope : IDisposable
{
    internal const int ClassWarning = 2;
    internal const int ClassFailure = 3;
    internal const int UserInterrupt = 9;

    private readonly List<GdalErrorRecord> _errors = [];
    private GCHandle _self;

    public GdalErrorScope()
    {
        GdalRuntime.EnsureInitialized();
        _self = GCHandle.Alloc(this);
        NativeMethods.CPLPushErrorHandlerEx(&OnError, GCHandle.ToIntPtr(_self));
    }

    /// <summary>Warnings and failures collected so far.</summary>
    public IReadOnlyList<GdalErrorRecord> Errors => _errors;

    /// <summary>Whether GDAL raised a CE_Failure (or CE_Fatal) in this scope.</summary>
    public bool HasFailure
    {
        get
        {
            foreach (var error in _errors)
            {
                if (error.ErrorClass >= ClassFailure)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Throws when <paramref name="apiFailed"/> or a CE_Failure was collected.</summary>
    public void ThrowIfFailed(bool apiFailed, string context, ProgressBridge? progress = null)
    {
        progress?.ThrowIfCallbackFailed();
        if (!apiFailed && !HasFailure)
        {
            return;
        }

        throw CreateException(context, progress);
    }

    /// <summary>Builds the exception for a failed call: cancellation, or GdalException with GDAL's messages.</summary>
    public Exception CreateException(string context, ProgressBridge? progress = null)
    {
        var failures = new List<string>();
        var errorNumber = 0;
        var interrupted = progress?.WasCancelled == true;
        foreach (var error in _errors)
        {
            if (error.ErrorClass >= ClassFailure)
            {
                failures.Add(error.Message);
                errorNumber = error.ErrorNumber;
                interrupted |= error.ErrorNumber == UserInterrupt;
            }
        }

        if (interrupted)
        {
            return new OperationCanceledException($"{context}: cancelled.", progress?.CancellationToken ?? default);
        }

        if (failures.Count == 0)
        {
            // Some calls fail with only warnings (e.g. gdalbuildvrt skipping every input): report those.
            foreach (var error in _errors)
            {
                failures.Add(error.Message);
                errorNumber = error.ErrorNumber;
            }
        }

        var gdalMessage = failures.Count > 0 ? Summarize(failures) : null;
        var message = gdalMessage is null ? $"{context}: GDAL reported a failure without a message." : $"{context}: {gdalMessage}";
        return new GdalException(message, errorNumber, gdalMessage);
    }

    /// <summary>Distinct messages in first-seen order, a repeated one once with its count (a warp can repeat one per row).</summary>
    private static string Summarize(List<string> messages)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var message in messages)
        {
            if (counts.TryGetValue(message, out var n))
            {
                counts[message] = n + 1;
            }
            else
            {
                counts[message] = 1;
                order.Add(message);
            }
        }

        return string.Join("; ", order.Select(m => counts[m] == 1 ? m : string.Create(CultureInfo.InvariantCulture, $"{m} (×{counts[m]})")));
    }

    public void Dispose()
    {
        if (!_self.IsAllocated)
        {
            return;
        }

        NativeMethods.CPLPopErrorHandler();
        _self.Free();
    }

    [UnmanagedCallersOnly]
    private static void OnError(int errorClass, int errorNumber, byte* message)
    {
        // An exception escaping here kills the process: swallow everything.
        try
        {
            if (errorClass < ClassWarning)
            {
                return;
            }

            var userData = NativeMethods.CPLGetErrorHandlerUserData();
            if (userData == 0 || GCHandle.FromIntPtr(userData).Target is not GdalErrorScope scope)
            {
                return;
            }

            scope._errors.Add(new GdalErrorRecord(errorClass, errorNumber, Marshal.PtrToStringUTF8((nint)message) ?? string.Empty));
        }
#pragma warning disable CA1031 // Never let an exception cross the native boundary.
        catch
#pragma warning restore CA1031
        {
        }
    }
}
