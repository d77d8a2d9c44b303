using System.Globalization;
using System.Text;
using EarthData.Gdal.Native;

namespace EarthData.Gdal;

/// <summary>
/// A coordinate reference system (owning handle). Always uses the traditional GIS axis order
/// (longitude/easting first), so EPSG:4326 takes (lon, lat). Not thread-safe.
/// </summary>
public sealed class SpatialReference : IDisposable
{
    private const int TraditionalGisOrder = 0;

    private readonly SpatialReferenceHandle _handle;

    private SpatialReference(SpatialReferenceHandle handle) => _handle = handle;

    /// <summary>The owning handle; throws when disposed.</summary>
    internal SpatialReferenceHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    /// <summary>The EPSG code of this CRS (identified when not explicit), or null when it has none.</summary>
    public int? Epsg
    {
        get
        {
            using var clone = Clone();
            using var scope = new GdalErrorScope();
            _ = NativeMethods.OSRAutoIdentifyEPSG(clone._handle);
            var authority = NativeStrings.Copy(NativeMethods.OSRGetAuthorityName(clone._handle, null));
            var code = NativeStrings.Copy(NativeMethods.OSRGetAuthorityCode(clone._handle, null));
            return string.Equals(authority, "EPSG", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epsg)
                ? epsg
                : null;
        }
    }

    /// <summary>Whether this is a geographic (lon/lat) CRS.</summary>
    public bool IsGeographic => NativeMethods.OSRIsGeographic(Handle) != 0;

    /// <summary>Whether this is a projected CRS.</summary>
    public bool IsProjected => NativeMethods.OSRIsProjected(Handle) != 0;

    /// <summary>Creates a CRS from an EPSG code, e.g. 4326 or 32723.</summary>
    /// <exception cref="GdalException">The code is unknown.</exception>
    public static SpatialReference FromEpsg(int code)
    {
        var srs = CreateEmpty();
        using var scope = new GdalErrorScope();
        var result = NativeMethods.OSRImportFromEPSG(srs._handle, code);
        return CheckImport(srs, scope, result, $"Unknown EPSG code {code}");
    }

    /// <summary>Creates a CRS from WKT (WKT1 or WKT2).</summary>
    /// <exception cref="GdalException">The WKT cannot be parsed.</exception>
    public static unsafe SpatialReference FromWkt(string wkt)
    {
        ArgumentNullException.ThrowIfNull(wkt);
        var srs = CreateEmpty();
        var bytes = Encoding.UTF8.GetBytes(wkt + '\0');
        using var scope = new GdalErrorScope();
        int result;
        fixed (byte* text = bytes)
        {
            // OSRImportFromWkt advances the pointer it is given; pass a copy.
            var cursor = text;
            result = NativeMethods.OSRImportFromWkt(srs._handle, &cursor);
        }

        return CheckImport(srs, scope, result, "Invalid WKT");
    }

    /// <summary>Creates a CRS from any definition GDAL accepts: <c>EPSG:32723</c>, <c>+proj=…</c>, WKT, PROJJSON, URN.</summary>
    /// <exception cref="GdalException">The definition is not understood.</exception>
    public static SpatialReference FromUserInput(string definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var srs = CreateEmpty();
        using var scope = new GdalErrorScope();
        var result = NativeMethods.OSRSetFromUserInput(srs._handle, definition);
        return CheckImport(srs, scope, result, $"Invalid spatial reference definition '{definition}'");
    }

    /// <summary>The CRS as WKT1.</summary>
    public unsafe string ToWkt()
    {
        nint text = 0;
        using var scope = new GdalErrorScope();
        var result = NativeMethods.OSRExportToWkt(Handle, &text);
        var wkt = NativeStrings.CopyAndFree(text);
        scope.ThrowIfFailed(result != 0 || wkt is null, "Exporting a spatial reference to WKT");
        return wkt!;
    }

    /// <summary>The CRS as a PROJ.4 string (lossy for some CRSs).</summary>
    public unsafe string ToProj4()
    {
        nint text = 0;
        using var scope = new GdalErrorScope();
        var result = NativeMethods.OSRExportToProj4(Handle, &text);
        var proj = NativeStrings.CopyAndFree(text);
        scope.ThrowIfFailed(result != 0 || proj is null, "Exporting a spatial reference to PROJ.4");
        return proj!;
    }

    /// <summary>Whether both describe the same CRS (axis order of geographic CRSs ignored).</summary>
    public bool IsSame(SpatialReference other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return NativeMethods.OSRIsSame(Handle, other.Handle) != 0;
    }

    /// <summary>An independent copy (caller disposes).</summary>
    public SpatialReference Clone()
    {
        var handle = Handle;
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            return CloneFromBorrowed(handle.DangerousGetHandle());
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Releases the native CRS.</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>Wraps an owning clone of a CRS owned by someone else (e.g. a dataset).</summary>
    internal static SpatialReference CloneFromBorrowed(nint borrowed)
    {
        GdalRuntime.EnsureInitialized();
        var clone = NativeMethods.OSRClone(borrowed);
        if (clone == 0)
        {
            throw new GdalException("Cloning a spatial reference failed.");
        }

        NativeMethods.OSRSetAxisMappingStrategy(clone, TraditionalGisOrder);
        return new SpatialReference(new SpatialReferenceHandle(clone));
    }

    private static SpatialReference CreateEmpty()
    {
        GdalRuntime.EnsureInitialized();
        var raw = NativeMethods.OSRNewSpatialReference(0);
        if (raw == 0)
        {
            throw new GdalException("OSRNewSpatialReference failed.");
        }

        NativeMethods.OSRSetAxisMappingStrategy(raw, TraditionalGisOrder);
        return new SpatialReference(new SpatialReferenceHandle(raw));
    }

    private static SpatialReference CheckImport(SpatialReference srs, GdalErrorScope scope, int ogrErr, string context)
    {
        try
        {
            scope.ThrowIfFailed(ogrErr != 0, context);
            return srs;
        }
        catch
        {
            srs.Dispose();
            throw;
        }
    }
}
