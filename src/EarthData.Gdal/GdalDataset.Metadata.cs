using EarthData.Gdal.Native;

namespace EarthData.Gdal;

public sealed partial class GdalDataset
{
    /// <summary>The metadata of a domain (default domain when null) as key/value pairs.</summary>
    public IReadOnlyDictionary<string, string> GetMetadata(string? domain = null)
    {
        using var lease = Lease();
        return MetadataReader.Read(_handle.DangerousGetHandle(), domain);
    }

    /// <summary>One metadata item, e.g. <c>GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE")</c>; null when absent.</summary>
    public string? GetMetadataItem(string name, string? domain = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var lease = Lease();
        return NativeStrings.Copy(NativeMethods.GDALGetMetadataItem(_handle.DangerousGetHandle(), name, domain));
    }

    /// <summary>Sets one metadata item in a domain (default domain when null).</summary>
    public void SetMetadataItem(string name, string value, string? domain = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        using var lease = Lease();
        using var scope = new GdalErrorScope();
        var result = NativeMethods.GDALSetMetadataItem(_handle.DangerousGetHandle(), name, value, domain);
        scope.ThrowIfFailed(result != 0, $"Setting metadata '{name}' on '{Path}'");
    }

    /// <summary>The files that make up the dataset (main file first, then sidecars such as .ovr or .aux.xml).</summary>
    public IReadOnlyList<string> GetFileList()
    {
        var list = NativeMethods.GDALGetFileList(Handle);
        try
        {
            return NativeStrings.CopyList(list);
        }
        finally
        {
            NativeMethods.CSLDestroy(list);
        }
    }

    /// <summary>The output of <c>gdalinfo</c> for this dataset, e.g. <c>Info(["-json"])</c>.</summary>
    /// <param name="args">gdalinfo arguments without the program name and file name.</param>
    /// <exception cref="GdalException">An argument was not understood.</exception>
    public string Info(IReadOnlyList<string>? args = null)
    {
        using var scope = new GdalErrorScope();
        using var options = new InfoOptionsHandle(
            UtilityOptions.Create(args ?? [], "gdalinfo", scope, static argv => NativeMethods.GDALInfoOptionsNew(argv, 0)));
        var text = NativeStrings.CopyAndFree(NativeMethods.GDALInfo(Handle, options));
        scope.ThrowIfFailed(text is null, $"gdalinfo '{Path}'");
        return text!;
    }
}
