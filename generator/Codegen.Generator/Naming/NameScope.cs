using System;
using System.Collections.Generic;

namespace Codegen.Generator.Naming;

/// <summary>
/// Hands out unique names in one scope (a namespace's types, a record's members, a method's parameters).
/// A taken name gets the smallest free numeric suffix, so the result depends only on the order of requests,
/// which the reader keeps in spec order: deterministic output.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(StringComparer? comparer = null) => _taken = new HashSet<string>(comparer ?? StringComparer.Ordinal);

    /// <summary>Marks a name as used without handing it out (reserved names such as the client class).</summary>
    public void Reserve(string name) => _taken.Add(name);

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Returns <paramref name="wanted"/> or, when taken, <c>wanted2</c>, <c>wanted3</c>…; <paramref name="collided"/> says which.</summary>
    public string Take(string wanted, out bool collided)
    {
        collided = false;
        var name = wanted;
        for (int i = 2; !_taken.Add(name); i++)
        {
            collided = true;
            name = wanted + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return name;
    }
}
