using Azure.Core;
using Azure.Storage.Blobs;
using EarthData.Core.Storage;

namespace EarthData.Storage.Objects;

/// <summary>Builds the container client of validated <see cref="AzureBlobStoreOptions"/>: one place for connection and retry settings.</summary>
internal static class AzureBlobClients
{
    /// <summary>The container client of <paramref name="options"/> (validated first).</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static BlobContainerClient Container(AzureBlobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;

        BlobServiceClient service;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            service = new BlobServiceClient(options.ConnectionString, clientOptions);
        }
        else if (options.Credential is not null)
        {
            service = new BlobServiceClient(options.AccountUrl!, options.Credential, clientOptions);
        }
        else if (options.SasCredential is not null)
        {
            service = new BlobServiceClient(options.AccountUrl!, options.SasCredential, clientOptions);
        }
        else
        {
            service = new BlobServiceClient(options.AccountUrl!, clientOptions);
        }

        return service.GetBlobContainerClient(options.Container);
    }

    /// <summary>The options' key prefix: "" or ending with '/'.</summary>
    /// <exception cref="ArgumentException">The prefix is not a valid key prefix.</exception>
    public static string Prefix(AzureBlobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.Prefix))
        {
            return string.Empty;
        }

        ObjectKey.ValidatePrefix(options.Prefix, nameof(AzureBlobStoreOptions.Prefix));
        return options.Prefix.EndsWith('/') ? options.Prefix : options.Prefix + "/";
    }
}
