using System.Globalization;
using EarthData.Core.Catalog;
using EarthData.Jobs.State;
using EarthData.Server.Scenes;
using Hangfire.Dashboard;

namespace EarthData.Server.Dashboard;

/// <summary>What the Scenes page shows: one page of scene records, newest first, or why the request was refused.</summary>
internal sealed record ScenesPageModel
{
    /// <summary>Rows per page unless <c>limit</c> says otherwise.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The records of this page, newest first.</summary>
    public IReadOnlyList<SceneRecord> Records { get; init; } = [];

    /// <summary>The state filter, if any.</summary>
    public SceneState? State { get; init; }

    /// <summary>Rows per page.</summary>
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Whether this is a later page (a token was given).</summary>
    public bool HasToken { get; init; }

    /// <summary>The token of the next (older) page, or null on the last.</summary>
    public string? NextToken { get; init; }

    /// <summary>Why the query was refused (a bad state, limit or token), or null.</summary>
    public string? Error { get; init; }

    /// <summary>Reads the page the query string asks for: <c>state</c>, <c>limit</c> (1–1000) and <c>token</c>.</summary>
    public static async Task<ScenesPageModel> LoadAsync(SceneStateService scenes, DashboardRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        ArgumentNullException.ThrowIfNull(request);
        if (SceneStateParameter.TryParse(request.GetQuery("state"), out var state) is { } invalidState)
        {
            return new ScenesPageModel { Error = invalidState };
        }

        var limit = DefaultLimit;
        var limitText = request.GetQuery("limit");
        if (!string.IsNullOrEmpty(limitText) && !int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
        {
            return new ScenesPageModel { State = state, Error = $"limit: '{limitText}' is not a whole number" };
        }

        var token = request.GetQuery("token") is { Length: > 0 } t ? t : null;
        try
        {
            var page = await scenes.ListAsync(new SceneRecordQuery { State = state, Limit = limit, Token = token, NewestFirst = true }, cancellationToken)
                .ConfigureAwait(false);
            return new ScenesPageModel { Records = page.Records, State = state, Limit = limit, HasToken = token is not null, NextToken = page.NextToken };
        }
        catch (InvalidQueryException ex)
        {
            return new ScenesPageModel { State = state, Error = ex.Message };
        }
    }
}
