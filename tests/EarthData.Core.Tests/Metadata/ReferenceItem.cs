using System.Globalization;
using System.Text.Json;

namespace EarthData.Core.Tests.Metadata;

/// <summary>The values of a reference STAC item we compare against.</summary>
internal sealed record ReferenceItem(
    string Id, string Collection, DateTime Datetime, double[] Bbox, int Epsg, double SunElevation, double SunAzimuth, double? OffNadir, double Gsd, double[][]? Ring)
{
    /// <summary>The reference item for an XML fixture: the CBERS-on-AWS item, or SOURCES.md values for CBERS-4A WFI.</summary>
    public static ReferenceItem For(string xmlFileName)
    {
        var id = xmlFileName[..xmlFileName.LastIndexOf("_BAND", StringComparison.Ordinal)];
        if (id == "CBERS_4A_WFI_20200801_221_156_L4")
        {
            return new ReferenceItem(
                id, "CBERS4A-WFI", new DateTime(2020, 8, 1, 14, 32, 45, DateTimeKind.Utc),
                [-68.887467, -38.033425, -59.245969, -29.919749], 32720, 32.8436, 29.47745, null, 55, null);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFixtures.CbersStacDirectory, $"ref_{id}.json")));
        var root = json.RootElement;
        var properties = root.GetProperty("properties");
        var ring = root.GetProperty("geometry").GetProperty("coordinates")[0][0]
            .EnumerateArray().Select(p => new[] { p[0].GetDouble(), p[1].GetDouble() }).ToArray();
        return new ReferenceItem(
            root.GetProperty("id").GetString()!,
            root.GetProperty("collection").GetString()!,
            DateTime.Parse(properties.GetProperty("datetime").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            [.. root.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble())],
            properties.GetProperty("proj:epsg").GetInt32(),
            properties.GetProperty("view:sun_elevation").GetDouble(),
            properties.GetProperty("view:sun_azimuth").GetDouble(),
            properties.GetProperty("view:off_nadir").GetDouble(),
            properties.GetProperty("gsd").GetDouble(),
            ring);
    }
}
