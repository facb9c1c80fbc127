using Microsoft.CodeAnalysis;

namespace Codegen.Generator;

/// <summary>The incremental generator: OpenAPI files in, C# out.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
