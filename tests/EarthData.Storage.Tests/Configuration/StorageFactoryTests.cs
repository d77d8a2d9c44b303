using EarthData.Storage.Catalog;
using EarthData.Storage.Configuration;
using EarthData.Storage.Objects;

namespace EarthData.Storage.Tests.Configuration;

public class StorageFactoryTests
{
    [Fact]
    public void Defaults_KeepEverythingUnderTheDataDirectory()
    {
        var data = Directory.CreateTempSubdirectory("earthdata-factory-").FullName;
        try
        {
            var settings = new StorageSettings();
            var objects = Assert.IsType<FileSystemObjectStore>(StorageFactory.CreateObjectStore(settings, data));
            var catalog = StorageFactory.CreateCatalogStore(settings, data);
            Assert.IsType<SqliteCatalogStore>(catalog);
            (catalog as IDisposable)?.Dispose();
            Assert.Null(objects.LocalPath("missing"));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Problems_ListsEveryMissingSetting_ForAzureAndPostgres()
    {
        var settings = new StorageSettings
        {
            Objects = { Provider = ObjectStoreProvider.AzureBlob, Container = "" },
            Catalog = { Provider = CatalogStoreProvider.Postgres },
        };
        var problems = settings.Problems();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("EarthData:Catalog:ConnectionString", StringComparison.Ordinal));
        var ex = Assert.Throws<ArgumentException>(() => StorageFactory.CreateCatalogStore(settings, "/tmp"));
        Assert.Contains("EarthData:Objects:Container", ex.Message, StringComparison.Ordinal);
    }
}
