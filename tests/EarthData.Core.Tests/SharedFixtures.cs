namespace EarthData.Core.Tests;

/// <summary>Locates the shared reference data (a <c>shared/</c> folder beside or above the repository checkout).</summary>
internal static class SharedFixtures
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string CbersXmlDirectory => Path.Combine(Root.Value, "fixtures", "cbers-xml");

    public static string CbersStacDirectory => Path.Combine(Root.Value, "fixtures", "cbers-stac");

    public static readonly string[] XmlFileNames =
    [
        "CBERS_4_MUX_20170528_090_084_L2_BAND6.xml",
        "CBERS_4_AWFI_20170409_167_123_L4_BAND14.xml",
        "CBERS_4_PAN10M_20190201_180_125_L2_BAND2.xml",
        "CBERS_4A_MUX_20200808_201_137_L4_BAND6.xml",
        "CBERS_4A_WFI_20200801_221_156_L4_BAND13.xml",
        "CBERS_4A_WPM_20200730_209_139_L4_BAND2.xml",
    ];

    public static TheoryData<string> XmlFiles => [.. XmlFileNames];

    public static string Xml(string fileName) => Path.Combine(CbersXmlDirectory, fileName);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "fixtures")))
            {
                return Path.Combine(dir.FullName, "shared");
            }

            if (dir.Parent is { } parent && Directory.Exists(Path.Combine(parent.FullName, "shared", "fixtures")))
            {
                return Path.Combine(parent.FullName, "shared");
            }
        }

        throw new InvalidOperationException(
            $"Shared fixtures not found: no 'shared/fixtures' folder in or beside any parent of '{AppContext.BaseDirectory}'. " +
            "Check out the shared reference data next to the repository (X/../shared).");
    }
}
