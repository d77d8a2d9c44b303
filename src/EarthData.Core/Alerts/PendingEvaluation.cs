namespace EarthData.Core.Alerts;

/// <summary>A scene whose alert evaluation is recorded as pending, and the job last assigned to carry it.</summary>
/// <param name="SceneId">The scene awaiting evaluation.</param>
/// <param name="JobId">
/// The id of the job storage's job that was last enqueued for it (<see cref="IAlertStore.AssignEvaluationJobAsync"/>),
/// or null when none was recorded (the process stopped between marking and enqueueing, or the mark is new).
/// </param>
public sealed record PendingEvaluation(string SceneId, string? JobId);
