using Azure;
using Azure.Core;

namespace EarthData.Storage.Objects;

/// <summary>
/// Where and how <see cref="AzureBlobObjectStore"/> connects: either <see cref="ConnectionString"/>, or
/// <see cref="AccountUrl"/> with a <see cref="Credential"/> (Entra ID), a <see cref="SasCredential"/>, or a SAS
/// already in the URL's query.
/// </summary>
public sealed class AzureBlobStoreOptions
{
    /// <summary>
    /// A storage connection string. For Azurite it must name the endpoint
    /// (<c>BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1</c>) so GDAL's <c>/vsiaz/</c> can use it too.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob service URL, e.g. <c>https://account.blob.core.windows.net</c>, optionally with a SAS query.</summary>
    public Uri? AccountUrl { get; set; }

    /// <summary>An Entra ID credential for <see cref="AccountUrl"/> (e.g. <c>DefaultAzureCredential</c>).</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>A shared access signature for <see cref="AccountUrl"/>.</summary>
    public AzureSasCredential? SasCredential { get; set; }

    /// <summary>The container (3–63 lower-case letters, digits and single hyphens).</summary>
    public string Container { get; set; } = string.Empty;

    /// <summary>
    /// A key prefix inside the container for every object of this store (e.g. <c>earthdata/</c>); a missing
    /// trailing '/' is added. Keys and listings are relative to it.
    /// </summary>
    public string? Prefix { get; set; }

    /// <summary>Whether the store creates the container on first use when it is missing (needs account-level rights).</summary>
    public bool CreateContainer { get; set; } = true;

    /// <summary>Retries of a failed request (exponential back-off) before giving up.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry's delay; later ones double, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay between retries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time-out of one request attempt.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Parallel block uploads within one large upload.</summary>
    public int MaxTransferConcurrency { get; set; } = 4;

    /// <summary>Checks the options, with one message per problem.</summary>
    /// <exception cref="ArgumentException">The options are incomplete or contradictory.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString) == (AccountUrl is null))
        {
            problems.Add("set exactly one of ConnectionString and AccountUrl");
        }

        if (ConnectionString is not null && (Credential is not null || SasCredential is not null))
        {
            problems.Add("Credential and SasCredential go with AccountUrl, not with ConnectionString");
        }

        if (Credential is not null && SasCredential is not null)
        {
            problems.Add("set at most one of Credential and SasCredential");
        }

        if (!IsValidContainerName(Container))
        {
            problems.Add($"Container '{Container}' is not a valid container name (3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit)");
        }

        if (MaxRetries < 0 || RetryDelay < TimeSpan.Zero || MaxRetryDelay < RetryDelay || NetworkTimeout <= TimeSpan.Zero || MaxTransferConcurrency < 1)
        {
            problems.Add("MaxRetries, RetryDelay, MaxRetryDelay, NetworkTimeout and MaxTransferConcurrency must be positive, with MaxRetryDelay >= RetryDelay");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Azure Blob object store options: " + string.Join("; ", problems) + ".");
        }
    }

    /// <summary>Whether <paramref name="name"/> is a valid container name (3–63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit).</summary>
    public static bool IsValidContainerName(string? name)
    {
        if (name is null || name.Length is < 3 or > 63 || name[0] == '-' || name[^1] == '-' || name.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
