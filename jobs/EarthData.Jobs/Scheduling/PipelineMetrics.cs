using System.Diagnostics.Metrics;
using EarthData.Core.Catalog;

namespace EarthData.Jobs.Scheduling;

/// <summary>
/// The pipeline's measurements, on the <c>EarthData.Pipeline</c> meter (read by OpenTelemetry, <c>dotnet-counters</c> or
/// a <see cref="MeterListener"/>): <c>earthdata.pipeline.stage.duration</c>, the seconds a stage's own work took
/// (lease, state writes and queueing excluded), tagged <c>stage</c> and <c>outcome</c> (<c>succeeded</c>/<c>failed</c>).
/// The job system's own share of a scene's time is its wall time less the sum of these.
/// </summary>
public static class PipelineMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "EarthData.Pipeline";

    /// <summary>The stage-duration histogram's name.</summary>
    public const string StageDurationName = "earthdata.pipeline.stage.duration";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(
        StageDurationName, unit: "s", description: "Time a pipeline stage's own work took");

    /// <summary>Records one run of <paramref name="stage"/>.</summary>
    public static void StageRan(SceneStage stage, TimeSpan elapsed, bool succeeded) =>
        StageDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("stage", SceneStages.QueueName(stage)),
            new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));
}
