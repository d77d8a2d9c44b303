using Hangfire.Dashboard;

namespace EarthData.Server.Dashboard;

/// <summary>
/// Adds the Scenes page (<c>/hangfire/scenes</c>: every scene record with its state, stage and progress) to the Hangfire
/// dashboard and its navigation bar. Hangfire keeps dashboard routes and menu items in process-wide lists, so this
/// registers once per process however many servers are built; the page resolves the catalogue from the request's
/// own services. The dashboard's authorization (the admin key) guards it like every other dashboard page.
/// </summary>
internal static class ScenesDashboard
{
    /// <summary>The page's path under the dashboard.</summary>
    public const string Path = "/scenes";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Registers the route and the menu item, once.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            DashboardRoutes.Routes.Add(Path, new ScenesPageDispatcher());
            NavigationMenu.Items.Add(page => new MenuItem("Scenes", page.Url.To(Path))
            {
                Active = page.RequestPath.StartsWith(Path, StringComparison.Ordinal),
            });
            _registered = true;
        }
    }
}
