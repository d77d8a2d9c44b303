namespace EarthData.Core.Alerts;

/// <summary>An earlier message referenced by an Update or Cancel (CAP <c>sender,identifier,sent</c>).</summary>
/// <param name="Identifier">The earlier message id.</param>
/// <param name="Sent">When it was sent.</param>
public sealed record AlertReference(string Identifier, DateTimeOffset Sent);
