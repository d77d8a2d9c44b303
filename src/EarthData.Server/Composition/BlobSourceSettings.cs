using EarthData.Core.Storage;
using EarthData.Storage.Objects;

namespace EarthData.Server.Composition;

/// <summary>
/// The Azure Blob container source (<c>EarthData:Sources:Blob:*</c>): scenes in the archive layout under a prefix of a
/// container, read with a connection string or an account URL carrying a SAS. Off unless a container is set.
/// </summary>
public sealed record BlobSourceSettings
{
    private const string Section = "EarthData:Sources:Blob:";

    /// <summary>A storage connection string (<c>EarthData:Sources:Blob:ConnectionString</c>).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The blob service URL, with a read+list SAS in its query (<c>EarthData:Sources:Blob:AccountUrl</c>).</summary>
    public Uri? AccountUrl { get; init; }

    /// <summary>The container (<c>EarthData:Sources:Blob:Container</c>).</summary>
    public required string Container { get; init; }

    /// <summary>The prefix the archive tree starts under (<c>EarthData:Sources:Blob:Prefix</c>, default none).</summary>
    public string? Prefix { get; init; }

    /// <summary>How long a scene's blobs must be unchanged before discovery takes it (<c>EarthData:Sources:Blob:SettleTime</c>, default 10 s).</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The options of the source's client (default retries).</summary>
    public AzureBlobStoreOptions ClientOptions() => new()
    {
        ConnectionString = ConnectionString,
        AccountUrl = AccountUrl,
        Container = Container,
        Prefix = Prefix,
        CreateContainer = false,
    };

    /// <summary>Reads the section; null when no container is set. Adds one problem per bad setting.</summary>
    internal static BlobSourceSettings? Bind(SettingsReader read)
    {
        var connection = read.Text(Section + "ConnectionString");
        var accountUrl = read.AbsoluteUrl(Section + "AccountUrl", "http", "https");
        var container = read.Text(Section + "Container");
        var prefix = read.Text(Section + "Prefix");
        var settle = read.Duration(Section + "SettleTime");
        if (container is null)
        {
            if (connection is not null || accountUrl is not null || prefix is not null)
            {
                read.Problems.Add($"{Section}Container is required when another {Section}* setting is set");
            }

            return null;
        }

        if (!AzureBlobStoreOptions.IsValidContainerName(container))
        {
            read.Problems.Add($"{Section}Container: '{container}' is not a container name (3-63 lower-case letters, digits and single hyphens)");
        }

        var hasUrl = read.Text(Section + "AccountUrl") is not null;
        if (connection is null && !hasUrl)
        {
            read.Problems.Add($"{Section}ConnectionString or {Section}AccountUrl is required with {Section}Container");
        }
        else if (connection is not null && hasUrl)
        {
            read.Problems.Add($"{Section}ConnectionString and {Section}AccountUrl: set only one");
        }

        if (prefix is not null)
        {
            try
            {
                ObjectKey.ValidatePrefix(prefix.EndsWith('/') ? prefix : prefix + "/");
            }
            catch (InvalidObjectKeyException ex)
            {
                read.Problems.Add($"{Section}Prefix: '{prefix}' is not a key prefix ({ex.Message})");
            }
        }

        if (settle < TimeSpan.FromSeconds(1))
        {
            read.Problems.Add($"{Section}SettleTime must be at least 00:00:01 (blob times have whole seconds)");
        }

        return new BlobSourceSettings
        {
            ConnectionString = connection,
            AccountUrl = accountUrl,
            Container = container,
            Prefix = prefix,
            SettleTime = settle ?? TimeSpan.FromSeconds(10),
        };
    }
}
