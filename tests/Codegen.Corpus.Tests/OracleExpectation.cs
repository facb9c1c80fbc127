namespace Codegen.Corpus.Tests;

/// <summary>
/// How the generator's reading of one corpus spec is expected to differ from NSwag's, and why.
/// </summary>
/// <param name="NSwagError">A fragment of the error NSwag gives when it cannot read the spec; <see langword="null"/> when it reads it.</param>
/// <param name="MissingOperations">Operations NSwag reads that the generator has neither in its model nor announces as skipped.</param>
/// <param name="MissingSchemas">Named schemas the oracle expects as types (see <see cref="NSwagOracle.ExpectedTypeSchemas"/>) that the generator does not emit.</param>
/// <param name="ExtraSchemas">Named schemas the generator emits as types that the oracle does not expect.</param>
/// <param name="Reason">Why: every non-zero number above needs one.</param>
public sealed record OracleExpectation(string? NSwagError, int MissingOperations, int MissingSchemas, int ExtraSchemas, string Reason)
{
    /// <summary>Both readers agree.</summary>
    public static OracleExpectation Same { get; } = new(null, 0, 0, 0, "");

    /// <summary>NSwag cannot read the spec, so there is nothing to compare.</summary>
    public static OracleExpectation NSwagFails(string errorFragment, string reason) => new(errorFragment, 0, 0, 0, reason);

    /// <summary>The readers differ by the given counts.</summary>
    public static OracleExpectation Differs(int missingOperations, int missingSchemas, int extraSchemas, string reason) =>
        new(null, missingOperations, missingSchemas, extraSchemas, reason);
}
