namespace EarthData.Core.Scenes;

/// <summary>Which optical head of a two-headed camera (CBERS-4A WFI) a product comes from.</summary>
public enum Optics
{
    /// <summary>A single-optics product, or both optics merged.</summary>
    None,

    /// <summary>The left optics (<c>_LEFT</c> suffix, <c>leftCamera</c> in INPE XML).</summary>
    Left,

    /// <summary>The right optics (<c>_RIGHT</c> suffix, <c>rightCamera</c> in INPE XML).</summary>
    Right,
}
