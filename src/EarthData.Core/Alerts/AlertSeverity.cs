namespace EarthData.Core.Alerts;

/// <summary>CAP 1.2 <c>severity</c> values, ordered from least to most severe (Unknown first).</summary>
public enum AlertSeverity
{
    /// <summary>CAP <c>Unknown</c>.</summary>
    Unknown,

    /// <summary>CAP <c>Minor</c>: minimal to no known threat.</summary>
    Minor,

    /// <summary>CAP <c>Moderate</c>: possible threat.</summary>
    Moderate,

    /// <summary>CAP <c>Severe</c>: significant threat.</summary>
    Severe,

    /// <summary>CAP <c>Extreme</c>: extraordinary threat.</summary>
    Extreme,
}
