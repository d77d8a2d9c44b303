using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EarthData.Server.Alerts;

/// <summary>
/// The <c>write</c> authorization policy the subscription endpoints require, with a minimal API-key scheme behind it:
/// <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c> must equal <c>EARTHDATA_API_KEY</c>
/// (or <c>EarthData:ApiKey</c>); without a configured key every write is refused. Stand-in for the hashed API keys of
/// the pipeline work (issue 11), which replaces this file and keeps the policy name.
/// </summary>
public static class WriteAuthorization
{
    /// <summary>The policy name endpoints require for writes.</summary>
    public const string Policy = "write";

    /// <summary>The authentication scheme name.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>Registers the scheme and the <c>write</c> policy.</summary>
    public static IServiceCollection AddWriteAuthorization(this IServiceCollection services, IConfiguration configuration)
    {
        var key = Environment.GetEnvironmentVariable("EARTHDATA_API_KEY") ?? configuration["EarthData:ApiKey"];
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(Scheme, _ => { });
        services.AddSingleton(new ApiKey(string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key))));
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>The hash of the configured key (null when none is configured).</summary>
    internal sealed record ApiKey(byte[]? Hash);

    private sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKey key)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var presented = Request.Headers["X-Api-Key"].ToString();
            var authorization = Request.Headers.Authorization.ToString();
            if (presented.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                presented = authorization["Bearer ".Length..].Trim();
            }

            if (presented.Length == 0)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            if (key.Hash is null || !CryptographicOperations.FixedTimeEquals(key.Hash, SHA256.HashData(Encoding.UTF8.GetBytes(presented))))
            {
                return Task.FromResult(AuthenticateResult.Fail("invalid API key"));
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], WriteAuthorization.Scheme);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), WriteAuthorization.Scheme)));
        }

        protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(
                detail: "this endpoint needs an API key: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'",
                statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(Context).ConfigureAwait(false);
        }
    }
}
