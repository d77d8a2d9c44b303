using System.Globalization;

namespace EarthData.Gdal.Native;

/// <summary>How well the binding knows a libgdal release.</summary>
internal enum GdalVersionSupport
{
    /// <summary>GDAL 3.6, whose ABI (struct layouts, enum values) the binding mirrors.</summary>
    Tested,

    /// <summary>A later GDAL 3 release: ABI-compatible as far as the binding uses it, but not tested (e.g. 3.7 adds Int8).</summary>
    Untested,

    /// <summary>Older than 3.6 or another major version: functions or layouts the binding relies on differ.</summary>
    Unsupported,
}

/// <summary>Checks the loaded libgdal against the release the binding was written for (Debian 12's 3.6.2).</summary>
internal static class GdalVersionCheck
{
    /// <summary>Classifies GDAL's <c>VERSION_NUM</c> (e.g. 3060200 for 3.6.2).</summary>
    public static GdalVersionSupport Classify(int versionNum)
    {
        var major = versionNum / 1_000_000;
        var minor = versionNum / 10_000 % 100;
        return (major, minor) switch
        {
            (3, 6) => GdalVersionSupport.Tested,
            (3, > 6) => GdalVersionSupport.Untested,
            _ => GdalVersionSupport.Unsupported,
        };
    }

    /// <summary>Parses <c>GDALVersionInfo("VERSION_NUM")</c>; 0 when it is not a number.</summary>
    public static int Parse(string? versionNum) =>
        int.TryParse(versionNum, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
