namespace EarthData.Testing;

/// <summary>
/// The shared reference data (official STAC schemas, the CAP 1.2 XSD, real INPE CBERS fixtures): the folder named by
/// <c>EARTHDATA_SHARED</c>, else a <c>shared/</c> folder in or beside any parent of the test binaries (CI checks the
/// repository out with <c>shared/</c> beside it).
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> RootPath = new(Locate);

    /// <summary>The shared folder.</summary>
    public static string Root => RootPath.Value;

    /// <summary>Real INPE per-band metadata files.</summary>
    public static string CbersXmlDirectory => Path.Combine(Root, "fixtures", "cbers-xml");

    /// <summary>Reference STAC items derived from the same scenes.</summary>
    public static string CbersStacDirectory => Path.Combine(Root, "fixtures", "cbers-stac");

    /// <summary>Offline mirror of the official STAC schemas.</summary>
    public static string StacSchemas => Path.Combine(Root, "stac-schemas");

    /// <summary>The OASIS CAP 1.2 XML schema.</summary>
    public static string CapSchema => Path.Combine(Root, "cap", "CAP-v1.2.xsd");

    /// <summary>Path of a real INPE XML fixture by file name.</summary>
    public static string CbersXml(string fileName) => Path.Combine(CbersXmlDirectory, fileName);

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("EARTHDATA_SHARED");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(Path.Combine(configured, "fixtures"))
                ? Path.GetFullPath(configured)
                : throw new InvalidOperationException($"EARTHDATA_SHARED='{configured}' has no fixtures/ folder.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared"), Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared") })
            {
                if (Directory.Exists(Path.Combine(candidate, "fixtures")))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new InvalidOperationException(
            $"Shared reference data not found: set EARTHDATA_SHARED or check it out as 'shared/' beside the repository (searched up from '{AppContext.BaseDirectory}').");
    }
}
