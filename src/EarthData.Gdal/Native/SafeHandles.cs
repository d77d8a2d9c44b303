using System.Diagnostics;
using Microsoft.Win32.SafeHandles;

namespace EarthData.Gdal.Native;

/// <summary>
/// Owns a <c>GDALDatasetH</c>; released with <c>GDALClose</c> when the last user lets go (dispose, lease, finalizer).
/// A virtual dataset's handle add-refs the handles of the datasets it reads through (<see cref="KeepAlive"/>) and
/// releases them only after its own <c>GDALClose</c>: GDAL 3.6 frees a dataset on <c>GDALClose</c> whatever its
/// reference count, so a source closed first would leave the VRT reading freed memory.
/// </summary>
internal sealed class DatasetHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private readonly Lock _gate = new();
    private List<DatasetHandle>? _sources;

    public DatasetHandle()
        : base(ownsHandle: true)
    {
    }

    internal DatasetHandle(nint handle)
        : base(ownsHandle: true) => SetHandle(handle);

    /// <summary>Names the dataset in close failures.</summary>
    internal string Description { get; set; } = string.Empty;

    /// <summary>Whether <c>GDALClose</c> has run (it can run later than <see cref="System.Runtime.InteropServices.SafeHandle.Dispose()"/> while others hold the handle).</summary>
    internal bool IsReleased { get; private set; }

    /// <summary>What GDAL reported as a failure while closing (e.g. a failed final write), or null.</summary>
    internal Exception? CloseFailure { get; private set; }

    /// <summary>Keeps <paramref name="sources"/> open until this handle has been closed.</summary>
    /// <exception cref="ObjectDisposedException">A source was already closed.</exception>
    internal void KeepAlive(IReadOnlyList<DatasetHandle> sources)
    {
        var added = new List<DatasetHandle>(sources.Count);
        try
        {
            foreach (var source in sources)
            {
                var success = false;
                source.DangerousAddRef(ref success);
                if (success)
                {
                    added.Add(source);
                }
            }
        }
        catch
        {
            foreach (var source in added)
            {
                source.DangerousRelease();
            }

            throw;
        }

        lock (_gate)
        {
            (_sources ??= []).AddRange(added);
        }
    }

    protected override bool ReleaseHandle()
    {
        List<DatasetHandle>? sources;
        lock (_gate)
        {
            sources = _sources;
            _sources = null;
        }

        try
        {
            // Collected here rather than by the caller's scope: the last release may run on another thread or the finalizer.
            using var scope = new GdalErrorScope();
            NativeMethods.GDALClose(handle);
            if (scope.HasFailure)
            {
                CloseFailure = scope.CreateException($"Closing '{Description}'");
                Trace.WriteLine(CloseFailure.Message);
            }
        }
        finally
        {
            IsReleased = true;
            if (sources is not null)
            {
                foreach (var source in sources)
                {
                    source.DangerousRelease();
                }
            }
        }

        return true;
    }
}

/// <summary>Owns an <c>OGRSpatialReferenceH</c>; released with <c>OSRRelease</c>.</summary>
internal sealed class SpatialReferenceHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SpatialReferenceHandle()
        : base(ownsHandle: true)
    {
    }

    internal SpatialReferenceHandle(nint handle)
        : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        NativeMethods.OSRRelease(handle);
        return true;
    }
}

/// <summary>Owns an <c>OGRCoordinateTransformationH</c>.</summary>
internal sealed class CoordinateTransformationHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CoordinateTransformationHandle()
        : base(ownsHandle: true)
    {
    }

    internal CoordinateTransformationHandle(nint handle)
        : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        NativeMethods.OCTDestroyCoordinateTransformation(handle);
        return true;
    }
}

/// <summary>Owns a <c>char**</c> string list built with <c>CSLAddString</c>; a null list is valid (zero handle).</summary>
internal sealed class CslHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CslHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Builds a NULL-terminated list; an empty or null input gives a NULL list.</summary>
    internal static CslHandle Create(IReadOnlyList<string>? items)
    {
        var list = new CslHandle();
        if (items is null)
        {
            return list;
        }

        nint pointer = 0;
        try
        {
            foreach (var item in items)
            {
                ArgumentNullException.ThrowIfNull(item, nameof(items));
                pointer = NativeMethods.CSLAddString(pointer, item);
            }
        }
        catch
        {
            NativeMethods.CSLDestroy(pointer);
            throw;
        }

        list.SetHandle(pointer);
        return list;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.CSLDestroy(handle);
        return true;
    }
}

/// <summary>Owns a <c>GDALInfoOptions*</c>.</summary>
internal sealed class InfoOptionsHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public InfoOptionsHandle()
        : base(ownsHandle: true)
    {
    }

    internal InfoOptionsHandle(nint handle)
        : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        NativeMethods.GDALInfoOptionsFree(handle);
        return true;
    }
}

/// <summary>Owns a <c>GDALTranslateOptions*</c>.</summary>
internal sealed class TranslateOptionsHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TranslateOptionsHandle()
        : base(ownsHandle: true)
    {
    }

    internal TranslateOptionsHandle(nint handle)
        : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        NativeMethods.GDALTranslateOptionsFree(handle);
        return true;
    }
}

/// <summary>Owns a <c>GDALWarpAppOptions*</c>.</summary>
internal sealed class WarpOptionsHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public WarpOptionsHandle()
        : base(ownsHandle: true)
    {
    }

    internal WarpOptionsHandle(nint handle)
        : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        NativeMethods.GDALWarpAppOptionsFree(handle);
        return true;
    }
}

/// <summary>Owns a <c>GDALBuildVRTOptions*</c>.</summary>
internal sealed class BuildVrtOptionsHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public BuildVrtOptionsHandle()
        : base(ownsHandle: true)
    {
    }

    internal BuildVrtOptionsHandle(nint handle)
        : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        NativeMethods.GDALBuildVRTOptionsFree(handle);
        return true;
    }
}
