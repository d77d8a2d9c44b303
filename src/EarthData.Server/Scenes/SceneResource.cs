using System.Text.Json.Serialization;
using EarthData.Core.Catalog;

namespace EarthData.Server.Scenes;

/// <summary>A scene as <c>/api/scenes</c> shows it.</summary>
public sealed record SceneResource
{
    /// <summary>The scene id (also the STAC item id).</summary>
    public required string Id { get; init; }

    /// <summary>Queued, Ingesting, Processing, Tiling, Publishing, Published, Failed or Rejected.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<SceneState>))]
    public required SceneState State { get; init; }

    /// <summary>The stage it is in, or that failed or rejected it: ingest, process, tile, publish.</summary>
    public string? Stage { get; init; }

    /// <summary>Progress of the current stage, percent.</summary>
    public double Progress { get; init; }

    /// <summary>Why it failed or was rejected, or the last transient error of a stage being retried.</summary>
    public string? Error { get; init; }

    /// <summary>Whether a failure may succeed on retry.</summary>
    public bool? Retryable { get; init; }

    /// <summary>Attempts of the current stage.</summary>
    public int Attempts { get; init; }

    /// <summary>The STAC collection.</summary>
    public string? Collection { get; init; }

    /// <summary>Where the scene came from.</summary>
    public string? Source { get; init; }

    /// <summary>When it was first queued, UTC.</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>When its record last changed, UTC.</summary>
    public DateTime UpdatedAt { get; init; }

    /// <summary><c>self</c>; once published, <c>item</c> (STAC) and <c>tiles</c> (XYZ template of the true-colour layer).</summary>
    public required IReadOnlyList<SceneLink> Links { get; init; }

    /// <summary>The resource of a record, with links under <paramref name="baseUrl"/> (no trailing '/').</summary>
    public static SceneResource From(SceneRecord record, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(record);
        var links = new List<SceneLink> { new("self", $"{baseUrl}/api/scenes/{record.SceneId}", "application/json") };
        if (record.State == SceneState.Published && record.Collection is { } collection)
        {
            links.Add(new SceneLink("item", $"{baseUrl}/stac/collections/{collection}/items/{record.SceneId}", "application/geo+json"));
            links.Add(new SceneLink("tiles", $"{baseUrl}/tiles/{collection}/{record.SceneId}/true-color/{{z}}/{{x}}/{{y}}.png", "image/png"));
        }

        return new SceneResource
        {
            Id = record.SceneId,
            State = record.State,
            Stage = record.Stage is { } stage ? SceneStages.QueueName(stage) : null,
            Progress = record.Progress,
            Error = record.Reason,
            Retryable = record.Retryable,
            Attempts = record.Attempts,
            Collection = record.Collection,
            Source = record.Source,
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt,
            Links = links,
        };
    }
}
