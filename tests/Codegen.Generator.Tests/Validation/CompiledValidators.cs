using System.Collections;
using System.Reflection;
using System.Runtime.Loader;
using Codegen.Runtime.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Generator.Tests.Validation;

/// <summary>
/// Compiles emitted validators together with hand-written partial records (standing in for the record emitter),
/// loads the assembly and builds instances by reflection so tests can validate real objects.
/// </summary>
internal sealed class CompiledValidators
{
    private readonly Assembly _assembly;

    private CompiledValidators(Assembly assembly, IReadOnlyList<Diagnostic> diagnostics)
    {
        _assembly = assembly;
        Diagnostics = diagnostics;
    }

    /// <summary>Every warning and error the compiler reported (hidden/info diagnostics excluded).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public static CompiledValidators Compile(params string[] sources)
    {
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: $"source{i}.cs")).ToArray();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(ValidationContext).Assembly.Location))
            .ToArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999);
        var compilation = CSharpCompilation.Create("Validators" + Guid.NewGuid().ToString("N"), trees, references, options);
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        var diagnostics = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        if (!emitted.Success)
        {
            throw new InvalidOperationException("Compilation failed:\n" + string.Join("\n", diagnostics.Select(d => d.ToString())) + "\n" + string.Join("\n// ----\n", sources));
        }
        stream.Position = 0;
        var context = new AssemblyLoadContext("validators", isCollectible: true);
        return new CompiledValidators(context.LoadFromStream(stream), diagnostics);
    }

    public Type Type(string fullName) => _assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>Creates <paramref name="typeName"/> and sets the named properties, converting ints to enums and arrays to lists.</summary>
    public object Make(string typeName, params (string Property, object? Value)[] values)
    {
        var type = Type(typeName);
        var instance = Activator.CreateInstance(type)!;
        foreach (var (name, value) in values)
        {
            var property = type.GetProperty(name) ?? throw new ArgumentException($"{typeName} has no property {name}");
            property.SetValue(instance, Convert(value, property.PropertyType));
        }
        return instance;
    }

    public static ValidationResult Validate(object model) => ((IValidatable)model).Validate();

    private static object? Convert(object? value, Type target)
    {
        if (value is null) return null;
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying.IsEnum) return Enum.ToObject(underlying, value);
        if (value is Array array && underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var itemType = underlying.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            foreach (var item in array) list.Add(Convert(item, itemType));
            return list;
        }
        if (value is IDictionary dictionary && underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var itemType = underlying.GetGenericArguments()[1];
            var result = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), itemType))!;
            foreach (DictionaryEntry entry in dictionary) result.Add(entry.Key, Convert(entry.Value, itemType));
            return result;
        }
        if (underlying == typeof(decimal) && value is not decimal) return System.Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);
        if (underlying == typeof(double) && value is not double) return System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        if (underlying == typeof(long) && value is not long) return System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        return value;
    }
}
