using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Codegen.Generator;

/// <summary>
/// Equal only to itself: for pipeline values whose parts are compared downstream, and for caches keyed by the
/// Microsoft.OpenApi object a document holds (each <c>$ref</c> occurrence is its own object).
/// </summary>
internal sealed class IdentityComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly IdentityComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
