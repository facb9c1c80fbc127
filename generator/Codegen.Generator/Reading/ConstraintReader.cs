using System.Collections.Generic;
using Codegen.Generator.Model;
using Microsoft.OpenApi;

namespace Codegen.Generator.Reading;

// TEMPORARY STUB: replaced by the genval branch's ConstraintReader on merge.
internal static class ConstraintReader
{
    public static ValueConstraints ReadValue(IOpenApiSchema schema) => ValueConstraints.None;

    public static EquatableArray<ObjectRule> ReadObjectRules(IOpenApiSchema schema, string pointer, List<DiagnosticInfo> diagnostics, SourceMap map) =>
        EquatableArray<ObjectRule>.Empty;
}
