namespace EarthData.Core.Alerts;

/// <summary>CAP 1.2 <c>msgType</c> values EarthData issues for an event.</summary>
public enum AlertMessageType
{
    /// <summary>First message of an event.</summary>
    Alert,

    /// <summary>The event continues with a changed extent or severity; references the previous message.</summary>
    Update,

    /// <summary>The event has ended; references the previous message.</summary>
    Cancel,
}
