using Codegen.Generator.Tests.Infrastructure;
using Codegen.Generator.Tests.Unions;

namespace Codegen.Generator.Tests.Schemas;

/// <summary>
/// An optional, nullable property tells absent (leave it alone) from null (clear it): setting it to null sends
/// <c>null</c>, never setting it sends nothing, and a value read from JSON writes back the way it came.
/// </summary>
public sealed class AbsentOrNullTests
{
    private static GenerationResult Run() => GeneratorHarness.Run(
        new[]
        {
            InMemoryAdditionalText.Spec("/p/patch.yaml", """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /users/{id}:
                    patch:
                      operationId: updateUser
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/UserPatch'}
                      responses:
                        '204': {description: done}
                components:
                  schemas:
                    UserPatch:
                      type: object
                      properties:
                        nickname: {type: string, nullable: true}
                        age: {type: integer, nullable: true}
                        email: {type: string}
                """, "Tests.Patch", "PatchClient"),
        },
        UnionHarness.Source("Tests.Patch", "UserPatch"),
        """
        namespace TestHarness;
        public static class Make
        {
            public static string ClearNickname() => Write(new global::Tests.Patch.UserPatch { Nickname = null, Email = "a@b.c" });
            public static string NothingSet() => Write(new global::Tests.Patch.UserPatch());
            public static string AgeSetThenCopied() => Write(new global::Tests.Patch.UserPatch { Age = null } with { Email = "x@y.z" });
            private static string Write(global::Tests.Patch.UserPatch value)
            {
                var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) value.WriteJson(writer);
                return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
            }
        }
        """);

    [Fact]
    public void NullIsSentOnlyWhenSet()
    {
        var result = Run();
        result.AssertCompilesCleanly();
        using var assembly = result.Load();

        Assert.Equal("""{"nickname":null,"email":"a@b.c"}""", assembly.Call("TestHarness.Make", "ClearNickname"));
        Assert.Equal("{}", assembly.Call("TestHarness.Make", "NothingSet"));
        Assert.Equal("""{"age":null,"email":"x@y.z"}""", assembly.Call("TestHarness.Make", "AgeSetThenCopied"));
    }

    [Theory]
    [InlineData("""{"nickname":null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"nickname":"Al","age":null,"email":"a@b.c"}""")]
    public void ReadValuesWriteBackAsTheyCame(string json)
    {
        var result = Run();
        using var assembly = result.Load();

        Assert.Equal(json, assembly.Call("TestHarness.Probe", "RoundTrip", "UserPatch", json));
    }

    [Fact]
    public void NonNullableOptionalPropertyIsStillLeftOutWhenNull()
    {
        var result = Run();
        var patch = result.Source("PatchClient.UserPatch.g.cs");
        Assert.Contains("public string? Email { get; init; }", patch);
        Assert.DoesNotContain("__present_Email", patch);
    }
}
