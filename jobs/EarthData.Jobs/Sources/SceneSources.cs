using EarthData.Core.Scenes;
using EarthData.Core.Sources;

namespace EarthData.Jobs.Sources;

/// <summary>The configured scene sources, and how a user's <c>source</c> text (scene id, path or URL) maps to one.</summary>
public sealed class SceneSources
{
    private readonly Lock _gate = new();
    private IReadOnlyList<ISceneSource> _all;

    /// <summary>Creates the set; the first source is asked first for scene ids.</summary>
    public SceneSources(IEnumerable<ISceneSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _all = [.. sources];
    }

    /// <summary>The sources, in order.</summary>
    public IReadOnlyList<ISceneSource> All => Volatile.Read(ref _all);

    /// <summary>
    /// Adds a source for this process only (the CLI's <c>publish</c> and in-process <c>ingest</c> of a folder outside the
    /// configured ones); other processes do not see it.
    /// </summary>
    public void Add(ISceneSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_gate)
        {
            Volatile.Write(ref _all, [.. _all, source]);
        }
    }

    /// <summary>
    /// The scene and location <paramref name="input"/> names: a scene id (looked up in each source in turn), an
    /// archive path under a folder source, or a URL a source accepts.
    /// </summary>
    /// <exception cref="ArgumentException">No source knows the input; the message says why.</exception>
    public async Task<(SceneId Id, string Location)> ResolveAsync(string input, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            throw new ArgumentException("source: give a scene id, an archive path or a STAC item URL");
        }

        input = input.Trim();
        if (SceneId.TryParse(input, out var id))
        {
            foreach (var source in All)
            {
                if (await source.LocateAsync(id, cancellationToken).ConfigureAwait(false) is { } location)
                {
                    return (id, location);
                }
            }

            throw new ArgumentException($"source: scene '{id}' is in none of the sources ({string.Join(", ", All.Select(s => s.Name))})");
        }

        foreach (var source in All)
        {
            if (source.TryResolve(input, out var resolved, out var location))
            {
                return (resolved, location);
            }
        }

        throw new ArgumentException(
            $"source: '{input}' is not a scene id, a scene folder under a configured source, or a URL a source accepts ({string.Join(", ", All.Select(s => s.Name))})");
    }

    /// <summary>The source a location belongs to.</summary>
    /// <exception cref="ArgumentException">None does.</exception>
    public ISceneSource SourceOf(string location)
    {
        foreach (var source in All)
        {
            if (source.TryResolve(location, out _, out _))
            {
                return source;
            }
        }

        throw new ArgumentException($"'{location}' belongs to none of the configured sources");
    }
}
