using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

/// <summary>Emits the client class's own file: the constructor over the runtime's <c>ApiInvoker</c>. Operations are other partial files.</summary>
internal static class ClientEmitter
{
    public static string Emit(ClientUnit unit)
    {
        var names = unit.Names;
        var writer = new SourceWriter();
        CSharpCode.FileHeader(writer, names.Namespace);
        var title = string.IsNullOrWhiteSpace(unit.Title) ? names.ClientName : unit.Title!.Trim();
        CSharpCode.Summary(writer, "Typed client for " + title + ": one method per operation. Register it with Add" + names.ClientName + "().", "");
        writer.WriteLine(CSharpCode.GeneratedCodeAttribute);
        writer.WriteLine($"public sealed partial class {names.ClientName}");
        writer.OpenBrace();
        writer.WriteLine("private readonly global::Codegen.Runtime.Transport.ApiInvoker _invoker;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates the client over the runtime pipeline (usually resolved from DI).</summary>");
        writer.WriteLine("/// <param name=\"invoker\">Sends requests: quota permit, auth, retries and error mapping.</param>");
        writer.WriteLine($"public {names.ClientName}(global::Codegen.Runtime.Transport.ApiInvoker invoker)");
        writer.OpenBrace();
        writer.WriteLine("_invoker = invoker ?? throw new global::System.ArgumentNullException(nameof(invoker));");
        writer.CloseBrace();
        writer.CloseBrace();
        writer.CloseBrace();
        return writer.Finish();
    }
}
