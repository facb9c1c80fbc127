using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

/// <summary>Emits <c>services.Add{ClientName}(configure)</c>, which hands the description and a client factory to the runtime.</summary>
internal static class DependencyInjectionEmitter
{
    public static string Emit(ClientNames names)
    {
        var writer = new SourceWriter();
        CSharpCode.FileHeader(writer, names.Namespace);
        writer.WriteLine($"/// <summary>Registers <see cref=\"{names.Qualify(names.ClientName)}\"/> with dependency injection.</summary>");
        writer.WriteLine(CSharpCode.GeneratedCodeAttribute);
        writer.WriteLine($"public static class {names.ExtensionsName}");
        writer.OpenBrace();
        writer.WriteLine($"/// <summary>Adds <see cref=\"{names.Qualify(names.ClientName)}\"/>, its HTTP pipeline and its quota policies.</summary>");
        writer.WriteLine("/// <param name=\"services\">The service collection.</param>");
        writer.WriteLine("/// <param name=\"configure\">Sets the base address, credentials, plan and other client options.</param>");
        writer.WriteLine("/// <returns>The HTTP client builder, to add authentication (for example <c>WithZoomServerToServerAuth</c>) or other handlers.</returns>");
        writer.WriteLine($"public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{names.ClientName}(");
        writer.WriteLine("    this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,");
        writer.WriteLine("    global::System.Action<global::Codegen.Runtime.Transport.ApiClientOptions>? configure = null)");
        writer.OpenBrace();
        writer.WriteLine("return global::Codegen.Runtime.Hosting.CodegenClientServiceCollectionExtensions.AddCodegenClient(");
        writer.WriteLine("    services,");
        writer.WriteLine($"    {names.Qualify(names.ApiName)}.Description,");
        writer.WriteLine($"    static invoker => new {names.Qualify(names.ClientName)}(invoker),");
        writer.WriteLine("    configure);");
        writer.CloseBrace();
        writer.CloseBrace();
        writer.CloseBrace();
        return writer.Finish();
    }
}
