using EarthData.Server.Composition;
using Hangfire.Dashboard;

namespace EarthData.Server.Scenes;

/// <summary>
/// Opens the Hangfire dashboard to the admin key only: a request with the key in a header, or a browser that visited
/// <c>/hangfire?key=…</c> once (the key then travels in an HttpOnly, same-site cookie).
/// </summary>
internal sealed class DashboardKeyFilter(ApiKeyAuthority keys) : IDashboardAuthorizationFilter
{
    private const string Cookie = "EarthData-Key";

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (keys.IsAuthorized(http.Request) || keys.Matches(http.Request.Cookies[Cookie]))
        {
            return true;
        }

        var key = http.Request.Query["key"].ToString();
        if (!keys.Matches(key))
        {
            return false;
        }

        http.Response.Cookies.Append(Cookie, key, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/hangfire",
        });
        return true;
    }
}
