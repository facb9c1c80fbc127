using Codegen.Generator.Tests.Infrastructure;
using Codegen.Generator.Tests.Unions;

namespace Codegen.Generator.Tests.Schemas;

/// <summary>A required writeOnly property must be set in requests but is never in a response.</summary>
public sealed class WriteOnlyTests
{
    [Fact]
    public void RequiredWriteOnlyPropertyIsRequiredToBuildButNotToRead()
    {
        var yaml = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /accounts:
                post:
                  operationId: createAccount
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Account'}
                  responses:
                    '201':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Account'}
            components:
              schemas:
                Account:
                  type: object
                  required: [login, password, pin]
                  properties:
                    login: {type: string}
                    password: {type: string, format: password, writeOnly: true}
                    pin: {type: integer, writeOnly: true}
            """;
        var result = GeneratorHarness.Run(
            new[] { InMemoryAdditionalText.Spec("/p/accounts.yaml", yaml, "Tests.WriteOnly", "AccountsClient") },
            UnionHarness.Source("Tests.WriteOnly", "Account"));
        result.AssertCompilesCleanly();

        var account = result.Source("AccountsClient.Account.g.cs");
        Assert.Contains("public required string Password { get; init; }", account);
        using var assembly = result.Load();
        Assert.Equal("""{"login":"ann","password":"s3cret","pin":1234}""", assembly.Call("TestHarness.Probe", "RoundTrip", "Account", """{"login":"ann","password":"s3cret","pin":1234}"""));
        // The server's answer leaves the writeOnly values out; reading it does not fail.
        var read = assembly.Call("TestHarness.Probe", "Read", "Account", """{"login":"ann"}""")!;
        Assert.Equal("ann", read.GetType().GetProperty("Login")!.GetValue(read));
        Assert.Null(read.GetType().GetProperty("Password")!.GetValue(read));
        // A missing required property that is not writeOnly still fails the read.
        var missing = Assert.ThrowsAny<Exception>(() => assembly.Call("TestHarness.Probe", "Read", "Account", """{"password":"x","pin":1}"""));
        Assert.Contains("'login'", (missing.InnerException ?? missing).Message);
    }
}
