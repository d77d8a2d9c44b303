namespace EarthData.Server.Composition;

/// <summary>Where Hangfire keeps its jobs (<c>EarthData:Jobs:Storage</c>).</summary>
public enum JobStorageProvider
{
    /// <summary>
    /// In the process's memory (the embedded default): lost on restart, so unfinished scenes are re-enqueued from the
    /// catalogue at start-up. Only the process that enqueued a job can run it.
    /// </summary>
    InMemory,

    /// <summary>A PostgreSQL schema shared by every server and worker (scale-out).</summary>
    PostgreSql,
}
