using System.Globalization;
using EarthData.Core.Alerts;

namespace EarthData.Alerts.Cap;

/// <summary>
/// Message texts in the languages partner agencies read: English (<c>en</c>), Chinese (<c>zh</c>) and Portuguese
/// (<c>pt</c>). Numbers are written with the invariant culture's decimal point in every language (CAP carries them
/// as text; machine readers use the <c>parameter</c> values).
/// </summary>
public static class AlertTexts
{
    /// <summary>The languages messages are written in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "zh", "pt"];

    /// <summary>Whether <paramref name="language"/> is one of <see cref="Languages"/>.</summary>
    public static bool IsSupported(string language) => Languages.Contains(language, StringComparer.Ordinal);

    /// <summary>The event name (CAP <c>event</c>).</summary>
    public static string EventName(Hazard hazard, string language) => (hazard, Checked(language)) switch
    {
        (Hazard.Drought, "en") => "Drought",
        (Hazard.Drought, "zh") => "干旱",
        (Hazard.Drought, _) => "Seca",
        (Hazard.Flood, "en") => "Flood",
        (Hazard.Flood, "zh") => "洪水",
        (Hazard.Flood, _) => "Inundação",
        (Hazard.Burn, "en") => "Burnt area",
        (Hazard.Burn, "zh") => "火烧迹地",
        (_, _) => "Área queimada",
    };

    /// <summary>The headline (CAP <c>headline</c>, under 160 characters).</summary>
    public static string Headline(AlertMessage message, string language)
    {
        ArgumentNullException.ThrowIfNull(message);
        var name = EventName(message.Hazard, language);
        var area = message.Area.AreaKm2.ToString("0.0", CultureInfo.InvariantCulture);
        var where = message.Footprint;
        return (message.MessageType, Checked(language)) switch
        {
            (AlertMessageType.Cancel, "en") => $"{name} ended in {where}",
            (AlertMessageType.Cancel, "zh") => $"{where} 的{name}已结束",
            (AlertMessageType.Cancel, _) => $"{name} encerrada em {where}",
            (_, "en") => $"{SeverityWord(message.Severity, "en")} {name.ToLowerInvariant()} in {where}: {area} km² affected",
            (_, "zh") => $"{where} 检测到{SeverityWord(message.Severity, "zh")}{name}：受影响面积 {area} 平方公里",
            (_, _) => $"{name} {SeverityWord(message.Severity, "pt")} em {where}: {area} km² afetados",
        };
    }

    /// <summary>The description (CAP <c>description</c>): what was seen, on which scene, against which baseline.</summary>
    public static string Description(AlertMessage message, string language)
    {
        ArgumentNullException.ThrowIfNull(message);
        var share = (message.AffectedFraction * 100).ToString("0.0", CultureInfo.InvariantCulture);
        var baseline = message.BaselineId ?? "-";
        return Checked(language) switch
        {
            "en" => $"Detected by EarthData on scene {message.SceneId} acquired {message.Observed:yyyy-MM-dd} (baseline {baseline}); {share} % of the valid pixels affected.",
            "zh" => $"EarthData 根据 {message.Observed:yyyy-MM-dd} 获取的影像 {message.SceneId} 检测（基线 {baseline}）；有效像元受影响比例 {share}%。",
            _ => $"Detectado pelo EarthData na cena {message.SceneId} adquirida em {message.Observed:yyyy-MM-dd} (linha de base {baseline}); {share} % dos pixels válidos afetados.",
        };
    }

    private static string SeverityWord(AlertSeverity severity, string language) => (severity, language) switch
    {
        (AlertSeverity.Minor, "en") => "Minor",
        (AlertSeverity.Moderate, "en") => "Moderate",
        (AlertSeverity.Severe, "en") => "Severe",
        (AlertSeverity.Extreme, "en") => "Extreme",
        (AlertSeverity.Minor, "zh") => "轻度",
        (AlertSeverity.Moderate, "zh") => "中度",
        (AlertSeverity.Severe, "zh") => "严重",
        (AlertSeverity.Extreme, "zh") => "极端",
        (AlertSeverity.Minor, "pt") => "menor",
        (AlertSeverity.Moderate, "pt") => "moderada",
        (AlertSeverity.Severe, "pt") => "severa",
        (AlertSeverity.Extreme, "pt") => "extrema",
        (_, "zh") => "",
        (_, "pt") => "",
        _ => "Possible",
    };

    private static string Checked(string language) =>
        IsSupported(language) ? language : throw new ArgumentException($"language '{language}' is not one of {string.Join(", ", Languages)}", nameof(language));
}
