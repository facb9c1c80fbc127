using System.Text.Json;

namespace Codegen.Runtime.Json;

/// <summary>
/// A generated model with reflection-free JSON code. Generated code implements it; the runtime calls it,
/// so no reflection-based serializer is ever needed (trim- and NativeAOT-safe).
/// </summary>
/// <typeparam name="TSelf">The model type itself.</typeparam>
public interface IJsonModel<TSelf> where TSelf : IJsonModel<TSelf>
{
    /// <summary>Reads one value; the reader is positioned on its first token and is left on its last token.</summary>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>Writes this value as one JSON value.</summary>
    void WriteJson(Utf8JsonWriter writer);
}

/// <summary>Reads one JSON value; the reader is positioned on its first token and is left on its last token.</summary>
public delegate T JsonReadFunc<out T>(ref Utf8JsonReader reader);
