namespace ZoomEmulator.RateLimits;

/// <summary>Zoom's "Rate Limit Label" names as sent in <c>X-RateLimit-Category</c>.</summary>
internal static class RateLimitCategory
{
    public const string Light = "Light";
    public const string Medium = "Medium";
}
