namespace EarthData.Imaging.Rendering;

/// <summary>How a <see cref="Legend"/> reads.</summary>
public enum LegendKind
{
    /// <summary>A continuous colour ramp between stops.</summary>
    Gradient,

    /// <summary>Discrete classes, one colour each.</summary>
    Classes,

    /// <summary>One or three bands stretched linearly to grey or red, green and blue.</summary>
    Composite,
}
