namespace EarthData.Alerts.Hazards;

/// <summary>
/// A burn-severity stand-in for cameras without SWIR (every camera in the public CBERS archive: NBR and dNBR need a
/// 2.2 µm band that only the absent CBERS-4 IRS has). Burning removes the NIR plateau of vegetation and darkens soil,
/// so the relative NIR drop (NIRpre − NIRpost) / (NIRpre + NIRpost) stands in for dNBR, graded with the same Key and
/// Benson classes; a post-fire "char" test keeps what else lowers NIR out: the post-event pixel must be dark
/// (NIR &lt; <see cref="CharNir"/>, visible mean &lt; <see cref="CharBrightness"/>) and not water (NDWI &lt; 0) — which
/// flood water (NDWI &gt; 0) and drought-stressed vegetation (NIR ≈ 0.2) fail. It is an approximation: thresholds tuned
/// for dNBR classify this ratio only roughly.
/// </summary>
public static class VnirBurnIndex
{
    /// <summary>Post-event NIR below which a pixel may be char.</summary>
    public const float CharNir = 0.15f;

    /// <summary>Post-event visible brightness below which a pixel may be char.</summary>
    public const float CharBrightness = 0.1f;

    /// <summary>Writes the stand-in dNBR (NaN where an input is missing; 0 where the char test fails).</summary>
    public static void Compute(ReadOnlySpan<float> preNir, ReadOnlySpan<float> postBlue, ReadOnlySpan<float> postGreen,
        ReadOnlySpan<float> postRed, ReadOnlySpan<float> postNir, Span<float> result)
    {
        var n = result.Length;
        if (preNir.Length != n || postBlue.Length != n || postGreen.Length != n || postRed.Length != n || postNir.Length != n)
        {
            throw new ArgumentException("The spans differ in length.", nameof(result));
        }

        for (var i = 0; i < n; i++)
        {
            var (pre, b, g, r, post) = (preNir[i], postBlue[i], postGreen[i], postRed[i], postNir[i]);
            if (float.IsNaN(pre) || float.IsNaN(post) || pre <= 0 || post <= 0 || b <= 0 || g <= 0 || r <= 0)
            {
                result[i] = float.NaN;
                continue;
            }

            var charred = post < CharNir && (b + g + r) / 3 < CharBrightness && (g - post) / (g + post) < 0;
            result[i] = charred ? (pre - post) / (pre + post) : 0;
        }
    }
}
