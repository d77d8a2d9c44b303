using EarthData.Core.Storage;
using EarthData.Testing;

namespace EarthData.Storage.Tests.Objects;

/// <summary>A GeoTIFF published through the Azure store is readable straight from the container by GDAL's /vsiaz/.</summary>
public sealed class GdalReadsAzureBlobTests(AzuriteContainer container) : IClassFixture<AzuriteContainer>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("earthdata-gdal-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Gdalinfo_reads_a_GeoTIFF_written_through_the_store_via_vsiaz()
    {
        var tif = Path.Combine(_work, "x.tif");
        var created = await ExternalTool.RunAsync(
            "gdal_create", ["-of", "GTiff", "-outsize", "8", "8", "-bands", "1", "-burn", "7", "-a_srs", "EPSG:4326", "-a_ullr", "0", "1", "1", "0", tif]);
        Assert.True(created.ExitCode == 0, $"gdal_create failed ({created.ExitCode}): {created.Output}");

        var store = container.Store("published");
        const string key = "cogs/CBERS4-MUX/CBERS_4_MUX_20170528_090_084_L2/B5.tif";
        await using (var file = File.OpenRead(tif))
        {
            await store.PutAsync(key, file, new ObjectPutOptions { ContentType = "image/tiff; application=geotiff" });
        }

        var environment = new Dictionary<string, string>
        {
            ["AZURE_STORAGE_CONNECTION_STRING"] = container.ConnectionString,
            ["GDAL_DISABLE_READDIR_ON_OPEN"] = "EMPTY_DIR",
        };
        var result = await ExternalTool.RunAsync("gdalinfo", [$"/vsiaz/{container.Name}/{store.BlobName(key)}"], environment);

        Assert.True(result.ExitCode == 0, $"gdalinfo failed ({result.ExitCode}): {result.Output}");
        Assert.Contains("Size is 8, 8", result.Stdout, StringComparison.Ordinal);
    }
}
