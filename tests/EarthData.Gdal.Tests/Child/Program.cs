namespace EarthData.Gdal.Tests.Child;

/// <summary>
/// Entry point of the test assembly when it runs as a child process (<c>dotnet EarthData.Gdal.Tests.dll scenario</c>):
/// scenarios that would kill the process on a regression run here, never in the test host.
/// </summary>
internal static class Program
{
    public static int Main(string[] args) => ChildScenarios.Run(args);
}
