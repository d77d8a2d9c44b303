using System.Globalization;
using EarthData.Core.Scenes;

namespace EarthData.Core.Alerts;

/// <summary>
/// The footprint a baseline belongs to: a collection (satellite and camera) and a path/row of the CBERS reference grid,
/// written <c>{collection}/{path:D3}/{row:D3}</c> (e.g. <c>CBERS4-MUX/151/121</c>). Scenes of one footprint share a grid.
/// </summary>
/// <param name="Collection">The STAC collection id, e.g. <c>CBERS4-MUX</c>.</param>
/// <param name="Path">The path (1–999).</param>
/// <param name="Row">The row (1–999).</param>
public sealed record BaselineFootprint(string Collection, int Path, int Row)
{
    /// <summary>The footprint of scene <paramref name="scene"/>.</summary>
    public static BaselineFootprint Of(SceneId scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return new BaselineFootprint(scene.CollectionId, scene.Path, scene.Row);
    }

    /// <summary>Parses <c>{collection}/{path}/{row}</c>; false for anything else (the collection must be a known one).</summary>
    public static bool TryParse(string? text, out BaselineFootprint footprint)
    {
        footprint = null!;
        var parts = text?.Split('/') ?? [];
        if (parts.Length != 3 || !CameraCatalog.CollectionIds.Contains(parts[0])
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var path) || path is < 1 or > 999
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row is < 1 or > 999)
        {
            return false;
        }

        footprint = new BaselineFootprint(parts[0], path, row);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Collection}/{Path:D3}/{Row:D3}");
}
