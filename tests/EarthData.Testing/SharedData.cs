namespace EarthData.Testing;

/// <summary>
/// The reference files the tests read (official STAC schemas, the CAP 1.2 XSD, real INPE CBERS fixtures): the
/// repository's own copies under <c>tests/fixtures/</c> (origin and licence in <c>tests/fixtures/SOURCES.md</c>), found
/// by walking up from the test binaries, so a fresh clone needs nothing beside it.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> RootPath = new(Locate);

    /// <summary>The repository's <c>tests/fixtures</c> folder.</summary>
    public static string Root => RootPath.Value;

    /// <summary>Real INPE per-band metadata files.</summary>
    public static string CbersXmlDirectory => Path.Combine(Root, "cbers-xml");

    /// <summary>Reference STAC items derived from the same scenes.</summary>
    public static string CbersStacDirectory => Path.Combine(Root, "cbers-stac");

    /// <summary>Offline mirror of the official STAC schemas.</summary>
    public static string StacSchemas => Path.Combine(Root, "stac-schemas");

    /// <summary>The OASIS CAP 1.2 XML schema.</summary>
    public static string CapSchema => Path.Combine(Root, "cap", "CAP-v1.2.xsd");

    /// <summary>Path of any fixture relative to <c>tests/fixtures</c>.</summary>
    public static string File(params string[] relative) => Path.Combine([Root, .. relative]);

    /// <summary>Path of a real INPE XML fixture by file name.</summary>
    public static string CbersXml(string fileName) => Path.Combine(CbersXmlDirectory, fileName);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures");
            if (System.IO.File.Exists(Path.Combine(candidate, "SOURCES.md")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"The repository's tests/fixtures/ folder was not found above '{AppContext.BaseDirectory}': run the tests from a checkout of the repository.");
    }
}
