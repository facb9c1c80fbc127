using Codegen.Runtime.Quotas;

namespace Codegen.Runtime.Transport;

/// <summary>What a spec says about the whole API, generated once per spec: its name, default server and quotas.</summary>
public sealed class ApiDescription
{
    /// <summary>Describes an API.</summary>
    /// <param name="name">The client name (from the <c>ClientName</c> metadata); also the IHttpClientFactory client name.</param>
    /// <param name="defaultBaseAddress">The spec's first server URL, or <see langword="null"/> when it has none.</param>
    /// <param name="quotas">Every quota policy the spec declares.</param>
    public ApiDescription(string name, Uri? defaultBaseAddress, IReadOnlyList<QuotaPolicy>? quotas = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        DefaultBaseAddress = defaultBaseAddress;
        Quotas = quotas ?? Array.Empty<QuotaPolicy>();
    }

    /// <summary>The client name.</summary>
    public string Name { get; }

    /// <summary>The spec's default server.</summary>
    public Uri? DefaultBaseAddress { get; }

    /// <summary>The quota policies the spec declares.</summary>
    public IReadOnlyList<QuotaPolicy> Quotas { get; }
}
