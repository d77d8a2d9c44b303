using System.Globalization;
using EarthData.Core.Catalog;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;

namespace EarthData.Server.Dashboard;

/// <summary>
/// The Scenes page of the dashboard, written without Razor: a state filter, then one row per scene record (newest
/// first) with its state, stage, progress, attempts, last error and update time, and links to the older pages. Every
/// value from the catalogue goes through <see cref="RazorPage.Write"/>, which HTML-encodes it.
/// </summary>
internal sealed class ScenesPage : RazorPage
{
    /// <summary>The <c>HttpContext.Items</c> key under which <see cref="ScenesPageDispatcher"/> hands over the model.</summary>
    public static readonly object ModelKey = new();

    public override void Execute()
    {
        Layout = new LayoutPage("Scenes");
        var model = Context.GetHttpContext().Items[ModelKey] as ScenesPageModel ?? new ScenesPageModel { Error = "no scene page was loaded" };
        WriteLiteral("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Scenes</h1>");
        WriteFilter(model);
        if (model.Error is { } error)
        {
            WriteLiteral("<div class=\"alert alert-danger\">");
            Write(error);
            WriteLiteral("</div>");
        }
        else if (model.Records.Count == 0)
        {
            WriteLiteral("<div class=\"alert alert-info\">No scenes");
            Write(model.State is { } state ? $" in state {state}" : string.Empty);
            WriteLiteral(".</div>");
        }
        else
        {
            WriteTable(model.Records);
        }

        WritePager(model);
        WriteLiteral("</div></div>");
    }

    private void WriteFilter(ScenesPageModel model)
    {
        WriteLiteral("<div class=\"btn-toolbar\" style=\"margin-bottom: 1em\"><div class=\"btn-group btn-group-sm\">");
        WriteFilterLink("All", null, model.State is null, model.Limit);
        foreach (var state in Enum.GetValues<SceneState>())
        {
            WriteFilterLink(state.ToString(), state, model.State == state, model.Limit);
        }

        WriteLiteral("</div></div>");
    }

    private void WriteFilterLink(string text, SceneState? state, bool active, int limit)
    {
        WriteLiteral("<a class=\"btn btn-default" + (active ? " active" : string.Empty) + "\" href=\"");
        Write(Link(state, limit, token: null));
        WriteLiteral("\">");
        Write(text);
        WriteLiteral("</a>");
    }

    private void WriteTable(IReadOnlyList<SceneRecord> records)
    {
        WriteLiteral("<div class=\"table-responsive\"><table class=\"table table-hover scenes\"><thead><tr>" +
            "<th>Scene</th><th>State</th><th>Stage</th><th style=\"min-width: 10em\">Progress</th><th>Attempts</th><th>Last error</th><th>Updated (UTC)</th>" +
            "</tr></thead><tbody>");
        foreach (var record in records)
        {
            var percent = record.State == SceneState.Published ? 100 : Math.Clamp(record.Progress, 0, 100);
            var percentText = percent.ToString("0.#", CultureInfo.InvariantCulture) + " %";
            WriteLiteral("<tr><td class=\"word-break\"><code>");
            Write(record.SceneId);
            WriteLiteral("</code></td><td><span class=\"label " + LabelClass(record.State) + "\">");
            Write(record.State.ToString());
            WriteLiteral("</span></td><td>");
            Write(record.Stage is { } stage ? SceneStages.QueueName(stage) : "–");
            WriteLiteral("</td><td><div class=\"progress\" style=\"margin-bottom: 0\" title=\"");
            Write(percentText);
            WriteLiteral("\"><div class=\"progress-bar" + (record.State is SceneState.Failed or SceneState.Rejected ? " progress-bar-danger" : string.Empty) +
                "\" role=\"progressbar\" style=\"min-width: 3em; width: " + percent.ToString("0.#", CultureInfo.InvariantCulture) + "%\">");
            Write(percentText);
            WriteLiteral("</div></div></td><td>");
            Write(record.Attempts.ToString(CultureInfo.InvariantCulture));
            WriteLiteral("</td><td class=\"word-break\">");
            Write(record.Reason ?? string.Empty);
            WriteLiteral("</td><td><time datetime=\"");
            Write(record.UpdatedAt.ToString("O", CultureInfo.InvariantCulture));
            WriteLiteral("\">");
            Write(record.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            WriteLiteral("</time></td></tr>");
        }

        WriteLiteral("</tbody></table></div>");
    }

    private void WritePager(ScenesPageModel model)
    {
        if (!model.HasToken && model.NextToken is null)
        {
            return;
        }

        WriteLiteral("<ul class=\"pager\">");
        if (model.HasToken)
        {
            WriteLiteral("<li class=\"previous\"><a href=\"");
            Write(Link(model.State, model.Limit, token: null));
            WriteLiteral("\">&larr; Newest</a></li>");
        }

        if (model.NextToken is { } next)
        {
            WriteLiteral("<li class=\"next\"><a rel=\"next\" href=\"");
            Write(Link(model.State, model.Limit, next));
            WriteLiteral("\">Older &rarr;</a></li>");
        }

        WriteLiteral("</ul>");
    }

    private string Link(SceneState? state, int limit, string? token)
    {
        var parameters = new List<string>();
        if (state is { } s)
        {
            parameters.Add("state=" + s);
        }

        if (limit != ScenesPageModel.DefaultLimit)
        {
            parameters.Add("limit=" + limit.ToString(CultureInfo.InvariantCulture));
        }

        if (token is not null)
        {
            parameters.Add("token=" + Uri.EscapeDataString(token));
        }

        var path = Url.To(ScenesDashboard.Path);
        return parameters.Count == 0 ? path : path + "?" + string.Join('&', parameters);
    }

    private static string LabelClass(SceneState state) => state switch
    {
        SceneState.Published => "label-success",
        SceneState.Failed => "label-danger",
        SceneState.Rejected => "label-warning",
        SceneState.Queued => "label-default",
        _ => "label-info",
    };
}
