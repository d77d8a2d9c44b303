using System.Runtime.InteropServices;

namespace EarthData.Gdal.Native;

/// <summary>Add-refs a SafeHandle for the duration of a native call that uses a pointer borrowed from it.</summary>
internal readonly ref struct HandleLease
{
    private readonly SafeHandle? _handle;

    public HandleLease(SafeHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        _handle = added ? handle : null;
    }

    public void Dispose() => _handle?.DangerousRelease();
}
