using EarthData.Jobs.State;
using Hangfire.Dashboard;

namespace EarthData.Server.Dashboard;

/// <summary>
/// Answers <c>/hangfire/scenes</c>: reads the page of scene records asynchronously, then renders
/// <see cref="ScenesPage"/> inside the dashboard's layout (navigation, styles). A refused query answers 400 with the
/// reason on the page.
/// </summary>
internal sealed class ScenesPageDispatcher : IDashboardDispatcher
{
    // Hangfire renders a RazorPage only through its own dispatcher (it binds the page to the request internally); this
    // one is obtained from a private route table so the page gets the layout without blocking on the catalogue.
    private static readonly IDashboardDispatcher Renderer = PageRenderer();

    public async Task Dispatch(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        var scenes = http.RequestServices.GetRequiredService<SceneStateService>();
        var model = await ScenesPageModel.LoadAsync(scenes, context.Request, http.RequestAborted).ConfigureAwait(false);
        if (model.Error is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        http.Items[ScenesPage.ModelKey] = model;
        await Renderer.Dispatch(context).ConfigureAwait(false);
    }

    private static IDashboardDispatcher PageRenderer()
    {
        var routes = new Hangfire.Dashboard.RouteCollection();
        routes.AddRazorPage("/", _ => new ScenesPage());
        return routes.FindDispatcher("/")?.Item1 ?? throw new InvalidOperationException("Hangfire did not register the Scenes page renderer.");
    }
}
