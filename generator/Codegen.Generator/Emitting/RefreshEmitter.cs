using System.Globalization;
using System.Linq;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

/// <summary>
/// Emits <c>{Client}.Refresh.g.cs</c>: one <c>GetFresh{Property}Async</c> per expiring property the spec says how to
/// fetch again (<c>x-codegen-refresh-with</c>). Nothing when the spec has none.
/// </summary>
internal static class RefreshEmitter
{
    private const string ExpiringUrl = "global::Codegen.Runtime.Transport.ExpiringUrl";
    private const string TimeSpan = "global::System.TimeSpan";

    public static string? Emit(RefreshUnit unit)
    {
        if (unit.Refreshables.Count == 0) return null;
        var names = unit.Names;
        var writer = new SourceWriter();
        CSharpCode.FileHeader(writer, names.Namespace);
        writer.WriteLine($"public sealed partial class {names.ClientName}");
        writer.OpenBrace();
        bool first = true;
        foreach (var value in unit.Refreshables)
        {
            if (!first) writer.WriteLine();
            first = false;
            EmitMethod(writer, names, value);
        }
        writer.CloseBrace();
        writer.CloseBrace();
        return writer.Finish();
    }

    private static void EmitMethod(SourceWriter writer, ClientNames names, RefreshableValueModel value)
    {
        var model = names.Qualify(value.ModelName);
        var json = CSharpCode.XmlEscape(value.JsonName);
        var lifetimeName = value.PropertyName + "Lifetime";
        writer.WriteLine($"/// <summary>How long a <c>{json}</c> stays usable after the server issues it (the spec's <c>x-codegen-expires-after</c>: {CSharpCode.XmlEscape(Reading.IsoDuration.Describe(value.LifetimeTicks))}).</summary>");
        writer.WriteLine($"public static {TimeSpan} {lifetimeName} {{ get; }} = {TimeSpan}.FromTicks({value.LifetimeTicks.ToString(CultureInfo.InvariantCulture)}L);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// A usable <c>{json}</c> of <paramref name=\"value\"/>: the stored one while it has at least <paramref name=\"margin\"/>");
        writer.WriteLine($"/// left by the invoker's clock, otherwise a fresh one from <see cref=\"{value.OperationMethodName}Async\"/>.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine($"/// <param name=\"value\">The {CSharpCode.XmlEscape(value.ModelName)} as stored; its values fill the refresh call's parameters.</param>");
        writer.WriteLine("/// <param name=\"issuedAt\">When the stored value was issued (for example when the answer carrying it arrived).</param>");
        writer.WriteLine($"/// <param name=\"lifetime\">The value's real lifetime when it differs from <see cref=\"{lifetimeName}\"/>.</param>");
        writer.WriteLine("/// <param name=\"margin\">How much life the value must have left to be returned; five minutes when <see langword=\"null\"/>.</param>");
        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the refresh call.</param>");
        writer.WriteLine("/// <returns>The URL with its expiry; a fetched one counts its lifetime from the moment of the call.</returns>");
        writer.WriteLine($"/// <exception cref=\"global::System.InvalidOperationException\">The server answered without a <c>{json}</c>.</exception>");
        writer.WriteLine("public async global::System.Threading.Tasks.Task<" + ExpiringUrl + "> GetFresh" + value.PropertyName + "Async(" + model + " value, global::System.DateTimeOffset issuedAt, "
            + TimeSpan + "? lifetime = null, " + TimeSpan + "? margin = null, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.OpenBrace();
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(value);");
        writer.WriteLine($"var validFor = lifetime ?? {lifetimeName};");
        writer.WriteLine($"if (validFor <= {TimeSpan}.Zero) throw new global::System.ArgumentOutOfRangeException(nameof(lifetime), lifetime, \"The lifetime must be positive.\");");
        writer.WriteLine("var clock = _invoker.TimeProvider;");
        writer.WriteLine($"if (value.{value.PropertyName} is {{ Length: > 0 }} stored)");
        writer.OpenBrace();
        writer.WriteLine($"var current = new {ExpiringUrl}(stored, issuedAt, validFor);");
        writer.WriteLine($"if (current.IsFresh(clock, margin ?? {TimeSpan}.FromMinutes(5))) return current;");
        writer.CloseBrace();
        var arguments = value.Arguments.Select((a, i) => a.ParameterName + ": argument" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        for (int i = 0; i < value.Arguments.Count; i++)
        {
            var argument = value.Arguments[i];
            var local = "argument" + i.ToString(CultureInfo.InvariantCulture);
            if (!argument.PropertyIsNullable)
            {
                writer.WriteLine($"var {local} = value.{argument.PropertyName};");
                continue;
            }
            writer.WriteLine($"if (value.{argument.PropertyName} is not {{ }} {local})");
            writer.WriteLine($"    throw new global::System.ArgumentException({CSharpCode.Literal(value.ModelName + "." + argument.PropertyName + " is needed to fetch a fresh " + value.JsonName + ".")}, nameof(value));");
        }
        writer.WriteLine("var requestedAt = clock.GetUtcNow();");
        arguments.Add("cancellationToken: cancellationToken");
        writer.WriteLine($"var fresh = await {value.OperationMethodName}Async({string.Join(", ", arguments)}).ConfigureAwait(false);");
        writer.WriteLine($"return fresh.{value.PropertyName} is {{ Length: > 0 }} url");
        writer.WriteLine($"    ? new {ExpiringUrl}(url, requestedAt, validFor)");
        writer.WriteLine($"    : throw new global::System.InvalidOperationException({CSharpCode.Literal(value.OperationMethodName + " returned no " + value.JsonName + ".")});");
        writer.CloseBrace();
    }
}
