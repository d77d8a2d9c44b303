using EarthData.Core.Catalog;

namespace EarthData.Server.Scenes;

/// <summary>The <c>state</c> filter of scene listings (the API and the dashboard's Scenes page).</summary>
internal static class SceneStateParameter
{
    /// <summary>Parses a state name, case-insensitively; empty or missing means no filter.</summary>
    /// <returns>Null when valid; otherwise the message naming the valid states.</returns>
    public static string? TryParse(string? text, out SceneState? state)
    {
        state = null;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!Enum.TryParse<SceneState>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsAsciiDigit(text[0]))
        {
            return $"state: '{text}' is not one of {string.Join(", ", Enum.GetNames<SceneState>())}";
        }

        state = parsed;
        return null;
    }
}
