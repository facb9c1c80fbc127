using Xunit;
namespace Codegen.Packaging.Tests;

/// <summary>
/// A throwaway consumer project references the packages by version from a local folder feed (added as an extra
/// source; the machine's configured sources stay), builds, runs, then sees regenerated code after a spec edit.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ConsumerProjectTests : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(6);
    private readonly PackageFeedFixture _feed;
    private readonly string _project = Directory.CreateTempSubdirectory("codegen-consumer-").FullName;

    public ConsumerProjectTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public async Task ConsumerBuildsAndRunsFromThePackagesThenRegeneratesAfterASpecEdit()
    {
        WriteConsumer(SpecWithoutNickname);

        var first = await BuildAndRunAsync();
        Assert.Contains("json={\"name\":\"Rex\",\"tag\":\"dog\"}", first);
        Assert.Contains("properties=Name,Tag", first);
        Assert.Contains("valid=False rule=maxLength path=name", first);
        Assert.Contains("client=Consumer.Pets.PetShelterClient", first);

        // Edit the spec only: the next build must regenerate the record with the new property.
        File.WriteAllText(Path.Combine(_project, "pets.yaml"), SpecWithNickname);
        var second = await BuildAndRunAsync();
        Assert.Contains("properties=Name,Nickname,Tag", second);

        var generated = Directory.GetFiles(Path.Combine(_project, "obj"), "*.g.cs", SearchOption.AllDirectories);
        Assert.Contains(generated, path => File.ReadAllText(path).Contains("\"nickname\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SpecSplitOverPartFilesBuildsFromThePackageAndRegeneratesAfterAPartEdit()
    {
        WriteConsumer(SpecWithOwnerPart, """<OpenApiSpecPart Include="parts/*.yaml" />""");
        Directory.CreateDirectory(Path.Combine(_project, "parts"));
        File.WriteAllText(Path.Combine(_project, "parts", "Owner.yaml"), "type: object\nproperties:\n  name:\n    type: string\n");

        var first = await BuildAndRunAsync();
        Assert.Contains("properties=Name,Owner,Tag", first);
        Assert.Contains(GeneratedFiles(), path => File.ReadAllText(path).Contains("record Owner", StringComparison.Ordinal));

        // Edit the part only: the next build must regenerate Owner with the new property.
        File.AppendAllText(Path.Combine(_project, "parts", "Owner.yaml"), "  phone:\n    type: string\n");
        await BuildAndRunAsync();
        Assert.Contains(GeneratedFiles(), path => File.ReadAllText(path).Contains("\"phone\"", StringComparison.Ordinal));
    }

    private string[] GeneratedFiles() => Directory.GetFiles(Path.Combine(_project, "obj"), "*.g.cs", SearchOption.AllDirectories);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_project, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<string> BuildAndRunAsync()
    {
        var build = await DotnetCli.RunAsync(_project, BuildTimeout, "build", "-nologo", "-v:q");
        Assert.True(build.ExitCode == 0, "consumer build failed:\n" + build.Output);
        Assert.DoesNotMatch(@"(?i)\bwarning [A-Z]+\d+", build.Output); // e.g. "warning CS8618" or "warning NU1603"

        var run = await DotnetCli.RunAsync(_project, BuildTimeout, "run", "--no-build");
        Assert.True(run.ExitCode == 0, "consumer run failed:\n" + run.Output);
        return run.Output;
    }

    private void WriteConsumer(string spec, string extraItems = "")
    {
        File.WriteAllText(Path.Combine(_project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="codegen-local-feed" value="{_feed.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(_project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsAsErrors>$(WarningsAsErrors);CS8032;CS8784;CS8785;CS9057</WarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <IsAotCompatible>true</IsAotCompatible>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Codegen.Generator" Version="{_feed.Version}" PrivateAssets="all" />
                <PackageReference Include="Codegen.Runtime" Version="{_feed.Version}" />
                <OpenApiSpec Include="pets.yaml" Namespace="Consumer.Pets" ClientName="PetShelterClient" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_project, "Program.cs"), """
            using System.Buffers;
            using System.Text;
            using System.Text.Json;
            using Consumer.Pets;

            var pet = new Pet { Name = "Rex", Tag = "dog" };
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                pet.WriteJson(writer);
            }
            Console.WriteLine("json=" + Encoding.UTF8.GetString(buffer.WrittenSpan));
            Console.WriteLine("properties=" + string.Join(",", typeof(Pet).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").OrderBy(n => n, StringComparer.Ordinal)));
            var invalid = pet with { Name = new string('x', 21) };
            var result = invalid.Validate();
            var first = result.Errors.FirstOrDefault();
            Console.WriteLine($"valid={result.IsValid} rule={first?.Rule} path={first?.Path}");
            Console.WriteLine("client=" + typeof(PetShelterClient).FullName);
            """);
        File.WriteAllText(Path.Combine(_project, "pets.yaml"), spec);
    }

    // A tiny spec written for this test.
    private const string SpecWithoutNickname = """
        openapi: 3.0.3
        info:
          title: Pet shelter
          version: "1.0"
        servers:
          - url: https://shelter.example/api
        paths:
          /pets/{petId}:
            get:
              operationId: getPet
              parameters:
                - name: petId
                  in: path
                  required: true
                  schema:
                    type: integer
                    format: int64
              responses:
                "200":
                  description: The pet.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/Pet"
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
                  maxLength: 20
                tag:
                  type: string
        """;

    private static readonly string SpecWithNickname = SpecWithoutNickname + """

                nickname:
                  type: string
        """;

    // The owner lives in a part file next to the spec (an <OpenApiSpecPart>).
    private static readonly string SpecWithOwnerPart = SpecWithoutNickname + """

                owner:
                  $ref: "parts/Owner.yaml"
        """;
}
