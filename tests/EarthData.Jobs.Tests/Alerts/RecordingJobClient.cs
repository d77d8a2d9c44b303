using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace EarthData.Jobs.Tests.Alerts;

/// <summary>An <see cref="IBackgroundJobClient"/> that records the jobs it is given instead of storing them.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    public ConcurrentQueue<(Job Job, IState State)> Created { get; } = new();

    public string Create(Job job, IState state)
    {
        Created.Enqueue((job, state));
        return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => false;

    public List<object?[]> Of<T>() => [.. Created.Where(c => c.Job.Type == typeof(T)).Select(c => c.Job.Args.ToArray())];
}
