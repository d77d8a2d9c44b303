namespace EarthData.Testing;

/// <summary>
/// Reference files the repository keeps in <c>tests/fixtures/</c> (see its <c>SOURCES.md</c>): found by walking up from
/// the test binaries to the folder that holds <c>tests/fixtures</c>.
/// </summary>
public static class RepositoryFixtures
{
    private static readonly Lazy<string> RootPath = new(Locate);

    /// <summary>The <c>tests/fixtures</c> folder.</summary>
    public static string Root => RootPath.Value;

    /// <summary>Path of a fixture relative to <c>tests/fixtures</c>.</summary>
    public static string File(params string[] relative) => Path.Combine([Root, .. relative]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no tests/fixtures folder above {AppContext.BaseDirectory}");
    }
}
