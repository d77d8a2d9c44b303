using EarthData.Testing;

namespace EarthData.Core.Tests;

/// <summary>The real INPE fixtures of the repository (<c>tests/fixtures</c>), as test data.</summary>
internal static class SharedFixtures
{
    public static string CbersXmlDirectory => SharedData.CbersXmlDirectory;

    public static string CbersStacDirectory => SharedData.CbersStacDirectory;

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
}
