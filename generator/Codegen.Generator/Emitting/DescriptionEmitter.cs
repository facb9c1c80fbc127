using System;
using System.Globalization;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

/// <summary>Emits the static description class (<c>{Name}Api.Description</c>: name, default server, quota policies).</summary>
internal static class DescriptionEmitter
{
    public static string Emit(DescriptionUnit unit)
    {
        var names = unit.Names;
        var writer = new SourceWriter();
        CSharpCode.FileHeader(writer, names.Namespace);
        writer.WriteLine($"/// <summary>What the API description says about the whole API used by <see cref=\"{names.Qualify(names.ClientName)}\"/>.</summary>");
        writer.WriteLine(CSharpCode.GeneratedCodeAttribute);
        writer.WriteLine($"public static class {names.ApiName}");
        writer.OpenBrace();
        writer.WriteLine("/// <summary>The client name, the spec's default server and every quota policy the spec declares.</summary>");
        writer.WriteLine("public static global::Codegen.Runtime.Transport.ApiDescription Description { get; } = new(");
        writer.Indentation++;
        writer.WriteLine($"{CSharpCode.Literal(names.ClientName)},");
        writer.WriteLine(unit.DefaultServerUrl is null ? "null," : "new global::System.Uri(" + CSharpCode.Literal(unit.DefaultServerUrl) + "),");
        writer.WriteLine("new global::Codegen.Runtime.Quotas.QuotaPolicy[]");
        writer.OpenBrace();
        foreach (var quota in unit.Quotas)
        {
            EmitPolicy(writer, quota);
        }
        writer.CloseBrace(");");
        writer.Indentation--;
        writer.CloseBrace();
        writer.CloseBrace();
        return writer.Finish();
    }

    private static void EmitPolicy(SourceWriter writer, QuotaModel quota)
    {
        writer.WriteLine("new global::Codegen.Runtime.Quotas.QuotaPolicy");
        writer.OpenBrace();
        writer.WriteLine($"Name = {CSharpCode.Literal(quota.Name)},");
        writer.WriteLine($"PermitLimit = {quota.Limit.ToString(CultureInfo.InvariantCulture)},");
        writer.WriteLine($"Window = global::Codegen.Runtime.Quotas.QuotaWindowKind.{quota.Window},");
        writer.WriteLine($"Period = {Period(quota.PeriodTicks)},");
        if (quota.PartitionParameter is not null)
        {
            writer.WriteLine($"PartitionParameter = {CSharpCode.Literal(quota.PartitionParameter)},");
            writer.WriteLine($"PartitionIgnoreCase = {(quota.PartitionIgnoreCase ? "true" : "false")},");
        }
        if (!quota.Plans.IsEmpty)
        {
            writer.WriteLine("PlanLimits = new global::System.Collections.Generic.Dictionary<string, int>");
            writer.OpenBrace();
            foreach (var plan in quota.Plans)
            {
                writer.WriteLine($"[{CSharpCode.Literal(plan.Plan)}] = {plan.Limit.ToString(CultureInfo.InvariantCulture)},");
            }
            writer.CloseBrace(",");
        }
        if (quota.Description is not null)
        {
            writer.WriteLine($"Description = {CSharpCode.Literal(quota.Description.Trim())},");
        }
        writer.CloseBrace(",");
    }

    private static string Period(long ticks)
    {
        if (ticks % TimeSpan.TicksPerDay == 0) return "global::System.TimeSpan.FromDays(" + (ticks / TimeSpan.TicksPerDay).ToString(CultureInfo.InvariantCulture) + ")";
        if (ticks % TimeSpan.TicksPerSecond == 0) return "global::System.TimeSpan.FromSeconds(" + (ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture) + ")";
        return "global::System.TimeSpan.FromTicks(" + ticks.ToString(CultureInfo.InvariantCulture) + ")";
    }
}
