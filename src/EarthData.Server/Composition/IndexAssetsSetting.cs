using EarthData.Core.Indices;
using EarthData.Jobs.Pipeline;

namespace EarthData.Server.Composition;

/// <summary>
/// Reads <c>EarthData:Pipeline:IndexAssets</c>: the index COGs written for every published item. A comma-separated
/// list (<c>ndvi,ndwi,evi,savi</c>, case-insensitive) or a JSON array; an empty value, an empty array or <c>none</c>
/// writes none; absent means the default (<see cref="SceneProcessingOptions.DefaultIndexAssets"/>).
/// </summary>
internal static class IndexAssetsSetting
{
    /// <summary>The configuration key.</summary>
    public const string Key = "EarthData:Pipeline:IndexAssets";

    /// <summary>The indices configured; adds one problem naming the setting when a name is unknown or repeated.</summary>
    public static IReadOnlyList<SpectralIndex> Read(IConfiguration configuration, List<string> problems)
    {
        var section = configuration.GetSection(Key);
        var children = section.GetChildren().ToList();
        List<string> names;
        if (section.Value is { } text)
        {
            names = [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            if (names is [var only] && only.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                names = [];
            }
        }
        else if (children.Count > 0)
        {
            names = [.. children.Select(c => c.Value?.Trim() ?? string.Empty)];
        }
        else if (configuration.GetSection("EarthData:Pipeline").GetChildren().Any(c => c.Key.Equals("IndexAssets", StringComparison.OrdinalIgnoreCase)))
        {
            names = []; // a JSON [] is bound as the key with a null value
        }
        else
        {
            return SceneProcessingOptions.DefaultIndexAssets;
        }

        var indices = new List<SpectralIndex>();
        foreach (var name in names)
        {
            var definition = IndexDefinition.All.FirstOrDefault(d => d.AssetKey.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (definition is null || indices.Contains(definition.Index))
            {
                problems.Add($"{Key}: '{string.Join(',', names)}' is not a list of distinct indices ({string.Join(", ", IndexDefinition.All.Select(d => d.AssetKey))}), empty or 'none'");
                return SceneProcessingOptions.DefaultIndexAssets;
            }

            indices.Add(definition.Index);
        }

        return indices;
    }
}
