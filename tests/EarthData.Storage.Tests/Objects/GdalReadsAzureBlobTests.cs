using System.Diagnostics;
using EarthData.Core.Storage;

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
        var (created, createOutput) = await RunAsync(
            "gdal_create", ["-of", "GTiff", "-outsize", "8", "8", "-bands", "1", "-burn", "7", "-a_srs", "EPSG:4326", "-a_ullr", "0", "1", "1", "0", tif], null);
        Assert.True(created == 0, $"gdal_create failed ({created}): {createOutput}");

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
        var (exit, output) = await RunAsync("gdalinfo", [$"/vsiaz/{container.Name}/{store.BlobName(key)}"], environment);

        Assert.True(exit == 0, $"gdalinfo failed ({exit}): {output}");
        Assert.Contains("Size is 8, 8", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, Dictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"'{program}' could not be started ({ex.Message}): install gdal-bin (tests/run.sh does).", ex);
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
