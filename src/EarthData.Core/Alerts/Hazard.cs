namespace EarthData.Core.Alerts;

/// <summary>The meteorological hazards EarthData detects.</summary>
public enum Hazard
{
    /// <summary>Agricultural drought: vegetation condition (VCI) below its climatology.</summary>
    Drought,

    /// <summary>Flood: water where the reference water mask has none.</summary>
    Flood,

    /// <summary>Burnt area: a drop of the burn ratio (dNBR) between pre- and post-event scenes.</summary>
    Burn,
}
