namespace EarthData.Server.Tests.Tiles;

/// <summary>The server (SQLite, filesystem store) with one published product.</summary>
public sealed class ProductServer : RunningServer
{
    public PublishedProduct Product { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Product = await PublishedProduct.PublishAsync(this);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Product.WorkDirectory, recursive: true);
    }
}
