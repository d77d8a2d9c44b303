namespace EarthData.Gdal.Native;

/// <summary>
/// Parses a GDAL utility's argv (without the program name) into its options struct — the step gdalinfo,
/// gdal_translate, gdalwarp and gdalbuildvrt share. GDAL copies what it needs, so the argv list is freed here.
/// </summary>
internal static class UtilityOptions
{
    /// <summary>
    /// Calls <paramref name="create"/> (a <c>GDAL*OptionsNew</c>) on <paramref name="args"/>; a NULL result becomes the
    /// exception <paramref name="scope"/> builds from GDAL's message, naming <paramref name="tool"/> and the options.
    /// </summary>
    public static nint Create(IReadOnlyList<string> args, string tool, GdalErrorScope scope, Func<CslHandle, nint> create)
    {
        using var argv = CslHandle.Create(args);
        var raw = create(argv);
        return raw != 0 ? raw : throw scope.CreateException($"Invalid {tool} options '{string.Join(' ', args)}'");
    }
}
