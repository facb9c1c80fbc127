using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Codegen.Runtime.Redis;

/// <summary>
/// One Lua script run by its SHA1 (EVALSHA, one round trip); when the server does not know it (first use, restart,
/// SCRIPT FLUSH) the text is sent once with EVAL, which also caches it on the server.
/// </summary>
internal sealed class RedisQuotaScript
{
    private readonly string _text;
    private readonly byte[] _sha1;

    private RedisQuotaScript(string text)
    {
        _text = text;
        _sha1 = SHA1.HashData(Encoding.UTF8.GetBytes(text));
    }

    public static RedisQuotaScript Acquire { get; } = Load("acquire");

    public static RedisQuotaScript Release { get; } = Load("release");

    public static RedisQuotaScript Block { get; } = Load("block");

    public static RedisQuotaScript Report { get; } = Load("report");

    public static RedisQuotaScript Status { get; } = Load("status");

    /// <summary>The script's SHA1, sent with EVALSHA.</summary>
    public byte[] Sha1 => _sha1;

    /// <summary>The script's text, sent with EVAL when the server does not know the SHA1.</summary>
    public string Text => _text;

    public static bool IsNoScript(RedisServerException ex) => ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal);

    private static RedisQuotaScript Load(string name) => new(Read("prelude") + "\n" + Read(name));

    private static string Read(string name)
    {
        var resource = $"Codegen.Runtime.Redis.Scripts.{name}.lua";
        using var stream = typeof(RedisQuotaScript).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded script '{resource}' is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
