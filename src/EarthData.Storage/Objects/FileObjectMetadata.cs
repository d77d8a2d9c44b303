using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarthData.Storage.Objects;

/// <summary>
/// The sidecar <see cref="FileSystemObjectStore"/> keeps next to each object: HTTP metadata, the content
/// hash ETag, and the length and modification time of the data file it describes. A sidecar whose
/// length or time does not match the data file belongs to another version (a write in progress or a
/// file changed behind the store's back) and is not trusted.
/// </summary>
internal sealed record FileObjectMetadata(
    string ContentType,
    string? CacheControl,
    string ETag,
    long Length,
    long ModifiedTicks)
{
    public bool Describes(long length, DateTime lastWriteUtc) => Length == length && ModifiedTicks == lastWriteUtc.Ticks;

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, FileObjectMetadataContext.Default.FileObjectMetadata);

    public static FileObjectMetadata? TryParse(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, FileObjectMetadataContext.Default.FileObjectMetadata);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FileObjectMetadata))]
internal sealed partial class FileObjectMetadataContext : JsonSerializerContext;
