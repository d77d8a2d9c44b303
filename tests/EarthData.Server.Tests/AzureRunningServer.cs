using EarthData.Storage.Configuration;
using EarthData.Testing;

namespace EarthData.Server.Tests;

/// <summary>The server with its objects in Azure Blob Storage (Azurite of tests/run.sh), in a container of its own.</summary>
public class AzureRunningServer : RunningServer
{
    protected override Task<StorageSettings> CreateStorageAsync() => Task.FromResult(new StorageSettings
    {
        Objects = new ObjectStoreSettings
        {
            Provider = ObjectStoreProvider.AzureBlob,
            ConnectionString = TestServers.AzureBlob,
            Container = "server-" + Guid.NewGuid().ToString("N")[..12],
        },
    });

    protected override async Task DropStorageAsync()
    {
        if (Objects is { } store)
        {
            await store.DeletePrefixAsync(string.Empty);
        }
    }
}
