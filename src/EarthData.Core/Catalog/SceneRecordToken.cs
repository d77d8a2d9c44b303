using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace EarthData.Core.Catalog;

/// <summary>The keyset token of scene record listings: the creation time and id of the last record of a page.</summary>
public static class SceneRecordToken
{
    /// <summary>Encodes the key of the last record of a page.</summary>
    public static string Encode(SceneRecord last)
    {
        ArgumentNullException.ThrowIfNull(last);
        var text = string.Create(CultureInfo.InvariantCulture, $"{last.CreatedAt.ToUniversalTime().Ticks}:{last.SceneId}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Decodes a token.</summary>
    /// <exception cref="InvalidQueryException">The token was not made by <see cref="Encode"/> (parameter <c>token</c>).</exception>
    public static (DateTime CreatedAt, string SceneId) Decode(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTime.MaxValue.Ticks && colon < text.Length - 1)
            {
                return (new DateTime(ticks, DateTimeKind.Utc), text[(colon + 1)..]);
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidQueryException("token: not a token of this listing", "token");
    }
}
