namespace EarthData.Core.Scenes;

/// <summary>A CBERS satellite whose products the archive holds.</summary>
public enum CbersSatellite
{
    /// <summary>CBERS-4 (launched 2014; cameras MUX, AWFI, PAN5M, PAN10M).</summary>
    Cbers4,

    /// <summary>CBERS-4A (launched 2019; cameras MUX, WFI, WPM).</summary>
    Cbers4A,
}
