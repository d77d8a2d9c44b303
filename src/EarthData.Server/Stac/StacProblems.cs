using EarthData.Core.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Stac;

/// <summary>Problem+json answers of the STAC API, each naming what was wrong.</summary>
internal static class StacProblems
{
    /// <summary>400 for an invalid search; <c>detail</c> names the parameter (or filter path), also given as <c>parameter</c>.</summary>
    public static ProblemHttpResult BadRequest(InvalidQueryException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var parameter = exception.Parameter ?? "query";
        var detail = exception.Message.StartsWith(parameter, StringComparison.Ordinal) ? exception.Message : $"{parameter}: {exception.Message}";
        return TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid search parameter",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
    }

    /// <summary>404 naming the missing collection or item.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
