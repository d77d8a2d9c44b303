namespace EarthData.Core.Scenes;

/// <summary>Text forms of satellites, cameras, levels and optics used in ids, folders and collections.</summary>
public static class CbersNames
{
    /// <summary>The satellite token of scene ids: <c>4</c> or <c>4A</c>.</summary>
    public static string SatelliteToken(CbersSatellite satellite) => satellite switch
    {
        CbersSatellite.Cbers4 => "4",
        CbersSatellite.Cbers4A => "4A",
        _ => throw new ArgumentOutOfRangeException(nameof(satellite), satellite, null),
    };

    /// <summary>The archive folder and collection prefix: <c>CBERS4</c> or <c>CBERS4A</c>.</summary>
    public static string SatelliteFolder(CbersSatellite satellite) => "CBERS" + SatelliteToken(satellite);

    /// <summary>The STAC <c>platform</c> value: <c>cbers-4</c> or <c>cbers-4a</c>.</summary>
    public static string Platform(CbersSatellite satellite) => "cbers-" + SatelliteToken(satellite).ToLowerInvariant();

    /// <summary>The camera token of scene ids and archive folders (<c>MUX</c>, <c>PAN10M</c>, …).</summary>
    public static string CameraToken(CbersCamera camera) => camera switch
    {
        CbersCamera.Mux => "MUX",
        CbersCamera.Awfi => "AWFI",
        CbersCamera.Pan5M => "PAN5M",
        CbersCamera.Pan10M => "PAN10M",
        CbersCamera.Wfi => "WFI",
        CbersCamera.Wpm => "WPM",
        _ => throw new ArgumentOutOfRangeException(nameof(camera), camera, null),
    };

    /// <summary>The STAC collection id, e.g. <c>CBERS4-MUX</c> or <c>CBERS4A-WPM</c>.</summary>
    public static string CollectionId(CbersSatellite satellite, CbersCamera camera) =>
        SatelliteFolder(satellite) + "-" + CameraToken(camera);

    /// <summary>The id suffix of an optics head: empty, <c>LEFT</c> or <c>RIGHT</c>.</summary>
    public static string OpticsToken(Optics optics) => optics switch
    {
        Optics.None => string.Empty,
        Optics.Left => "LEFT",
        Optics.Right => "RIGHT",
        _ => throw new ArgumentOutOfRangeException(nameof(optics), optics, null),
    };

    /// <summary>Parses a satellite token (<c>4</c>, <c>4A</c>; exact case).</summary>
    public static bool TryParseSatellite(string? token, out CbersSatellite satellite)
    {
        switch (token)
        {
            case "4":
                satellite = CbersSatellite.Cbers4;
                return true;
            case "4A":
                satellite = CbersSatellite.Cbers4A;
                return true;
            default:
                satellite = default;
                return false;
        }
    }

    /// <summary>Parses a camera token (<c>MUX</c>, <c>AWFI</c>, <c>PAN5M</c>, <c>PAN10M</c>, <c>WFI</c>, <c>WPM</c>; exact case).</summary>
    public static bool TryParseCamera(string? token, out CbersCamera camera)
    {
        foreach (var candidate in Enum.GetValues<CbersCamera>())
        {
            if (string.Equals(CameraToken(candidate), token, StringComparison.Ordinal))
            {
                camera = candidate;
                return true;
            }
        }

        camera = default;
        return false;
    }

    /// <summary>Parses a level token (<c>L2</c>, <c>L2B</c>, <c>L3</c>, <c>L4</c>; exact case).</summary>
    public static bool TryParseLevel(string? token, out ProcessingLevel level)
    {
        foreach (var candidate in Enum.GetValues<ProcessingLevel>())
        {
            if (string.Equals(candidate.ToString(), token, StringComparison.Ordinal))
            {
                level = candidate;
                return true;
            }
        }

        level = default;
        return false;
    }

    /// <summary>Whether the satellite carries the camera (CBERS-4: MUX, AWFI, PAN5M, PAN10M; CBERS-4A: MUX, WFI, WPM).</summary>
    public static bool Carries(CbersSatellite satellite, CbersCamera camera) => satellite switch
    {
        CbersSatellite.Cbers4 => camera is CbersCamera.Mux or CbersCamera.Awfi or CbersCamera.Pan5M or CbersCamera.Pan10M,
        CbersSatellite.Cbers4A => camera is CbersCamera.Mux or CbersCamera.Wfi or CbersCamera.Wpm,
        _ => false,
    };

    /// <summary>The camera tokens the satellite carries, comma-separated (for messages).</summary>
    public static string CamerasOf(CbersSatellite satellite) => string.Join(
        ", ", Enum.GetValues<CbersCamera>().Where(c => Carries(satellite, c)).Select(CameraToken));
}
