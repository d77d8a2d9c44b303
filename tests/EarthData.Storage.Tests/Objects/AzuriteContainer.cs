using Azure.Storage.Blobs;
using EarthData.Storage.Objects;
using EarthData.Testing;

namespace EarthData.Storage.Tests.Objects;

/// <summary>
/// A uniquely named container in the Azurite that tests/run.sh starts, deleted when the test class ends.
/// Without <see cref="Variable"/> it fails loudly: these tests never skip.
/// </summary>
public sealed class AzuriteContainer : IAsyncLifetime
{
    public const string Variable = "EARTHDATA_TEST_AZURE_BLOB";

    public AzuriteContainer()
    {
        ConnectionString = TestServers.AzureBlob;
        Name = "t" + Guid.NewGuid().ToString("N");
    }

    public string ConnectionString { get; }

    public string Name { get; }

    /// <summary>A store on this container whose keys live under <paramref name="prefix"/>.</summary>
    public AzureBlobObjectStore Store(string? prefix = null) => new(new AzureBlobStoreOptions
    {
        ConnectionString = ConnectionString,
        Container = Name,
        Prefix = prefix,
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(100),
        MaxRetryDelay = TimeSpan.FromSeconds(1),
        NetworkTimeout = TimeSpan.FromSeconds(30),
    });

    public BlobContainerClient Client() => new BlobServiceClient(ConnectionString).GetBlobContainerClient(Name);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Client().DeleteIfExistsAsync();
}
