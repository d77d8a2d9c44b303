namespace EarthData.JobStorageBench;

/// <summary>The measured job: records its start and end in this process's <see cref="ExecutionLog"/> and sleeps between.</summary>
public static class TrivialJob
{
    /// <summary>Runs job <paramref name="number"/> for <paramref name="milliseconds"/>.</summary>
    public static void Run(int number, int milliseconds)
    {
        ExecutionLog.Current.Started(number);
        Thread.Sleep(milliseconds);
        ExecutionLog.Current.Ended(number);
    }
}
