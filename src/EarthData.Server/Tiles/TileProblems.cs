using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Tiles;

/// <summary>Problem+json answers of the tile endpoints, each naming the offending parameter.</summary>
internal static class TileProblems
{
    /// <summary>400 naming the parameter (also given as <c>parameter</c>).</summary>
    public static ProblemHttpResult BadRequest(string parameter, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid tile request",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>At most 64 characters of hostile input, for echoing it back in a message.</summary>
    public static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";

    /// <summary>404 saying what does not exist.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>400 when a collection, item or layer name is not a safe path segment, else null.</summary>
    public static ProblemHttpResult? InvalidNames(params (string Parameter, string? Value)[] names)
    {
        foreach (var (parameter, value) in names)
        {
            if (!PathSegmentName.IsValid(value, out var reason))
            {
                return BadRequest(parameter, $"{parameter} '{value}' is not a valid name: {reason}");
            }
        }

        return null;
    }
}
