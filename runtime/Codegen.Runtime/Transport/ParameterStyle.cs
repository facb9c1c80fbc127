namespace Codegen.Runtime.Transport;

/// <summary>
/// How a parameter's value is laid out on the wire: the OpenAPI 3.x <c>style</c> values (RFC 6570 expansions).
/// Which styles apply where: path <see cref="Simple"/>, <see cref="Label"/>, <see cref="Matrix"/>; query <see cref="Form"/>,
/// <see cref="SpaceDelimited"/>, <see cref="PipeDelimited"/>, <see cref="DeepObject"/>; header <see cref="Simple"/>; cookie <see cref="Form"/>.
/// </summary>
public enum ParameterStyle
{
    /// <summary><c>blue</c>, <c>blue,black</c>, <c>R,100,G,200</c> (exploded object: <c>R=100,G=200</c>).</summary>
    Simple,

    /// <summary><c>.blue</c>, <c>.blue,black</c> (exploded: <c>.blue.black</c>, <c>.R=100.G=200</c>).</summary>
    Label,

    /// <summary><c>;color=blue</c>, <c>;color=blue,black</c> (exploded: <c>;color=blue;color=black</c>, <c>;R=100;G=200</c>).</summary>
    Matrix,

    /// <summary><c>color=blue</c>, <c>color=blue,black</c> (exploded: <c>color=blue&amp;color=black</c>, <c>R=100&amp;G=200</c>).</summary>
    Form,

    /// <summary>A list joined by spaces: <c>color=blue black</c> (exploded behaves like <see cref="Form"/>).</summary>
    SpaceDelimited,

    /// <summary>A list joined by pipes: <c>color=blue|black</c> (exploded behaves like <see cref="Form"/>).</summary>
    PipeDelimited,

    /// <summary>An object's members as <c>color[R]=100&amp;color[G]=200</c>.</summary>
    DeepObject,
}
