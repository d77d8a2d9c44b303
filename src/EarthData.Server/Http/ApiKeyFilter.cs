using EarthData.Server.Composition;

namespace EarthData.Server.Http;

/// <summary>Endpoint filter: 401 problem+json unless the request carries the admin key.</summary>
internal sealed class ApiKeyFilter(ApiKeyAuthority keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (keys.IsAuthorized(context.HttpContext.Request))
        {
            return await next(context).ConfigureAwait(false);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(
            detail: "this endpoint needs the API key: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API key required");
    }
}
