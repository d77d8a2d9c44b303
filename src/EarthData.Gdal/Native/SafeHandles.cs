using Microsoft.Win32.SafeHandles;

namespace EarthData.Gdal.Native;

/// <summary>Owns a <c>GDALDatasetH</c>; released with <c>GDALClose</c>.</summary>
internal sealed class DatasetHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DatasetHandle()
        : base(ownsHandle: true)
    {
    }

    internal DatasetHandle(nint handle)
        : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        NativeMethods.GDALClose(handle);
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
