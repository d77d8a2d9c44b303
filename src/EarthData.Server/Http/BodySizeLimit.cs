using Microsoft.AspNetCore.Http.Metadata;

namespace EarthData.Server.Http;

/// <summary>Endpoint metadata: the largest request body the route accepts (413 above it).</summary>
/// <param name="MaxRequestBodySize">Bytes.</param>
public sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
