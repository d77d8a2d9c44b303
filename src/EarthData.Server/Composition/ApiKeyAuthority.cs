using System.Security.Cryptography;
using System.Text;

namespace EarthData.Server.Composition;

/// <summary>
/// Checks the admin API key. Only the key's SHA-256 is kept in memory; the key comes from <c>EARTHDATA_API_KEY</c>, or
/// else from <c>{data}/api-key</c>, which is created with a random key (readable by its owner only) on first start.
/// </summary>
public sealed class ApiKeyAuthority
{
    private readonly byte[] _hash;

    private ApiKeyAuthority(byte[] hash, string? keyFile)
    {
        _hash = hash;
        KeyFile = keyFile;
    }

    /// <summary>The key file in use, or null when the key came from the environment.</summary>
    public string? KeyFile { get; }

    /// <summary>Loads (or creates) the key.</summary>
    public static ApiKeyAuthority Load(EarthDataSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ApiKey is { } configured)
        {
            return new ApiKeyAuthority(Hash(configured), null);
        }

        var path = Path.Combine(settings.DataDirectory, "api-key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(settings.DataDirectory);
            var key = "ed_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var temporary = path + ".partial";
            File.WriteAllText(temporary, key + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
                File.Delete(temporary);
            }
        }

        var text = File.ReadAllText(path).Trim();
        return text.Length >= 16
            ? new ApiKeyAuthority(Hash(text), path)
            : throw new InvalidOperationException($"{path}: the API key must be at least 16 characters");
    }

    /// <summary>Whether the request carries the key (<c>Authorization: Bearer …</c> or <c>X-Api-Key</c>).</summary>
    public bool IsAuthorized(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Matches(Presented(request));
    }

    /// <summary>Whether <paramref name="key"/> is the key (constant-time comparison of hashes).</summary>
    public bool Matches(string? key) => key is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Hash(key), _hash);

    /// <summary>The key a request presents, if any.</summary>
    public static string? Presented(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.Authorization.ToString() is { Length: > 7 } authorization && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization[7..].Trim();
        }

        return request.Headers["X-Api-Key"].ToString() is { Length: > 0 } header ? header.Trim() : null;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim()));
}
