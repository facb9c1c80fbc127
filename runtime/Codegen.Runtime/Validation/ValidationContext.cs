using System.Runtime.CompilerServices;

namespace Codegen.Runtime.Validation;

/// <summary>
/// Collects violations while generated validators walk a model. It keeps the current JSON path as a
/// small stack of segments (property names are string literals, array indexes are ints) and builds the
/// path string only when a violation is added, so walking a valid object allocates nothing.
/// </summary>
public ref struct ValidationContext
{
    private const int MaxDepth = 32;
    private PathSegments _segments;
    private int _depth;
    private List<ValidationError>? _errors;

    /// <summary><see langword="true"/> once any violation has been added.</summary>
    public readonly bool HasErrors => _errors is { Count: > 0 };

    /// <summary>Enters a property; pair every call with <see cref="Exit"/>.</summary>
    /// <param name="jsonName">The property's JSON name.</param>
    public void Enter(string jsonName)
    {
        if (_depth < MaxDepth)
        {
            _segments[_depth] = new PathSegment(jsonName, -1);
        }
        _depth++;
    }

    /// <summary>Enters an array element; pair every call with <see cref="Exit"/>.</summary>
    /// <param name="index">The element's index.</param>
    public void EnterIndex(int index)
    {
        if (_depth < MaxDepth)
        {
            _segments[_depth] = new PathSegment(null, index);
        }
        _depth++;
    }

    /// <summary>Leaves the segment entered last.</summary>
    public void Exit() => _depth--;

    /// <summary>Adds a violation at the current path.</summary>
    public void AddError(string rule, string message) => Add(BuildPath(null), rule, message);

    /// <summary>Adds a violation at the current path plus one more property.</summary>
    public void AddError(string jsonName, string rule, string message) => Add(BuildPath(jsonName), rule, message);

    /// <summary>Finishes the walk.</summary>
    public readonly ValidationResult ToResult() => new(_errors);

    private void Add(string path, string rule, string message) =>
        (_errors ??= new List<ValidationError>()).Add(new ValidationError(path, rule, message));

    private readonly string BuildPath(string? last)
    {
        int depth = Math.Min(_depth, MaxDepth);
        // A property of the object being validated (the common case): its name is the path, nothing to build.
        if (depth == 0)
        {
            return last ?? string.Empty;
        }
        var path = new DefaultInterpolatedStringHandler(0, 0, null, stackalloc char[256]);
        bool empty = true;
        for (int i = 0; i < depth; i++)
        {
            var segment = _segments[i];
            if (segment.Name is null)
            {
                path.AppendLiteral("[");
                path.AppendFormatted(segment.Index);
                path.AppendLiteral("]");
            }
            else
            {
                if (!empty) path.AppendLiteral(".");
                path.AppendLiteral(segment.Name);
                if (segment.Name.Length == 0) continue;
            }
            empty = false;
        }
        if (last is not null)
        {
            if (!empty) path.AppendLiteral(".");
            path.AppendLiteral(last);
        }
        return path.ToStringAndClear();
    }

    private readonly record struct PathSegment(string? Name, int Index);

    [InlineArray(MaxDepth)]
    private struct PathSegments
    {
        private PathSegment _first;
    }
}
