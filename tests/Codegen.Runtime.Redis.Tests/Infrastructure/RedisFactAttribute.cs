namespace Codegen.Runtime.Redis.Tests.Infrastructure;

/// <summary>
/// A test that needs a real Redis. It runs when <c>redis-server</c> is on PATH (or <c>CODEGEN_REDIS</c> names a server,
/// unless the test must stop and start its own). Without either it is skipped with the reason, except under
/// <c>CI=true</c>, where it runs and fails with a clear message: CI must never pass by skipping.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    /// <summary>The test kills and restarts its own server, so CODEGEN_REDIS is not enough.</summary>
    public bool NeedsOwnServer { get; set; }

    public override string? Skip
    {
        get => base.Skip ?? SkipReason(NeedsOwnServer);
        set => base.Skip = value;
    }

    private static string? SkipReason(bool needsOwnServer)
    {
        if (!needsOwnServer && !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CODEGEN_REDIS")))
        {
            return null;
        }

        if (RedisServer.FindExecutable() is not null || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return needsOwnServer
            ? "redis-server is not on PATH (this test stops and restarts its own server); install it with .ci/redis.sh."
            : "redis-server is not on PATH and CODEGEN_REDIS is not set; install it with .ci/redis.sh.";
    }
}
