using System.Security.Cryptography;
using System.Text.Json;
using EarthData.Core.Stac;

namespace EarthData.Jobs.Pipeline;

/// <summary>Reads, checks and writes <c>manifest.json</c>, and describes files for it.</summary>
internal static class SceneManifestFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The manifest of <paramref name="workDirectory"/> when it exists, matches the options and every file it lists is intact; else null.</summary>
    public static SceneManifest? TryReadComplete(string workDirectory, string fingerprint)
    {
        var path = Path.Combine(workDirectory, SceneManifest.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        SceneManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<SceneManifest>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }

        if (manifest is null || manifest.OptionsFingerprint != fingerprint)
        {
            return null;
        }

        var files = new List<ManifestFile> { manifest.Cog, manifest.Thumbnail };
        files.AddRange(manifest.MetadataXml);
        files.AddRange(manifest.Indices?.Select(i => i.File) ?? []);
        foreach (var file in files)
        {
            var info = new FileInfo(Path.Combine(workDirectory, file.Path));
            if (!info.Exists || info.Length != file.Size)
            {
                return null;
            }
        }

        foreach (var layer in manifest.Layers)
        {
            var directory = Path.Combine(workDirectory, layer.Directory);
            if (!Directory.Exists(directory) || CountFiles(directory, layer.Extension) != layer.TileCount)
            {
                return null;
            }
        }

        return manifest;
    }

    /// <summary>Writes the manifest atomically (temporary file, then rename).</summary>
    public static void Write(string workDirectory, SceneManifest manifest)
    {
        var path = Path.Combine(workDirectory, SceneManifest.FileName);
        var temporary = path + ".partial";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Size and SHA2-256 multihash of a file in the work directory.</summary>
    public static ManifestFile Describe(string workDirectory, string relativePath)
    {
        var full = Path.Combine(workDirectory, relativePath);
        using var stream = File.OpenRead(full);
        var digest = SHA256.HashData(stream);
        return new ManifestFile(relativePath, stream.Length, Multihash.Sha256(digest));
    }

    private static long CountFiles(string directory, string extension) =>
        Directory.EnumerateFiles(directory, "*." + extension, SearchOption.AllDirectories).LongCount();
}
