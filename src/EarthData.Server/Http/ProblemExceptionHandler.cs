using EarthData.Core.Catalog;
using EarthData.Core.Storage;
using EarthData.Server.Stac;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace EarthData.Server.Http;

/// <summary>
/// The one place where exceptions become answers, for every endpoint: a client's fault is a 4xx problem+json with a
/// precise <c>detail</c> (invalid search → 400 naming the parameter; invalid object key → 400; Kestrel's refusals of the
/// request itself → their own status: 413 body too large, 408 body too slow, 400 malformed); a request past its time
/// budget → 503; a client that went away gets nothing. Anything else is a 500 whose detail names no internals (the log
/// has the exception).
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            httpContext.Response.StatusCode = 499; // client closed the request: nobody reads an answer
            return true;
        }

        var problem = exception switch
        {
            InvalidQueryException invalid => StacProblems.BadRequest(invalid),
            BadHttpRequestException bad => TypedResults.Problem(
                detail: BadRequestDetail(httpContext, bad), statusCode: bad.StatusCode, title: ReasonPhrase(bad.StatusCode)),
            InvalidObjectKeyException key => TypedResults.Problem(
                detail: $"'{key.Key}' is not a key this server serves: {key.Reason}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid object key"),
            SearchTimeoutException timeout => TypedResults.Problem(
                detail: $"{timeout.Message} Narrow it (smaller bbox or datetime, fewer ids, a simpler filter) and retry.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Time budget exceeded"),
            OperationCanceledException => TypedResults.Problem(
                detail: "The request did not finish within its time budget; narrow it (smaller bbox or datetime, fewer ids, a simpler filter) and retry.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Time budget exceeded"),
            _ => null,
        };

        if (problem is null)
        {
            LogFailure(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = TypedResults.Problem(
                detail: "The server failed to answer this request; the failure is logged.", statusCode: StatusCodes.Status500InternalServerError, title: "Internal error");
        }

        await problem.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);

    private static string BadRequestDetail(HttpContext context, BadHttpRequestException exception) => exception.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge =>
            $"The request body is larger than the {context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize} bytes {context.Request.Method} {context.Request.Path} accepts.",
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly.",
        _ => "The request is malformed.",
    };

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Bad request";
}
