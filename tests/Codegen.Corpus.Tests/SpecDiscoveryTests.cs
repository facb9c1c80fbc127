using Codegen.Corpus.Discovery;
using Xunit;

namespace Codegen.Corpus.Tests;

public sealed class SpecDiscoveryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("corpus-discovery-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Yaml_and_json_files_with_a_top_level_version_key_are_root_specs_and_others_are_not()
    {
        Write("a.yaml", "# comment\nopenapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n");
        Write("b.yml", "swagger: \"2.0\"\ninfo: {title: t, version: '1'}\npaths: {}\n");
        Write("part.yaml", "type: object\nproperties:\n  openapi: {type: string}\n");
        Write("notes.txt", "openapi: 3.0.0\n");

        var specs = SpecDiscovery.FindRootSpecs(_folder);

        Assert.Equal(["a.yaml", "b.yml"], specs.Select(s => s.RelativePath));
        Assert.Equal(["3.1.0", "2.0"], specs.Select(s => s.Version));
        Assert.Equal(["3.1", "2.0"], specs.Select(s => s.Family));
    }

    [Fact]
    public void A_json_spec_whose_version_key_sorts_last_is_still_a_root_spec()
    {
        var padding = string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"x{i}\": {{\"openapi\": 1}}"));
        Write("sorted.json", "{\"components\": {" + padding + "}, \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"openapi\": \"3.0.1\", \"paths\": {}}");
        Write("nested-only.json", "{\"components\": {\"openapi\": \"3.0.0\"}}");

        var spec = Assert.Single(SpecDiscovery.FindRootSpecs(_folder));

        Assert.Equal("sorted.json", spec.RelativePath);
        Assert.Equal("3.0.1", spec.Version);
    }

    [Fact]
    public void Files_reached_through_relative_refs_are_parts_of_the_root_transitively_and_remote_refs_are_ignored()
    {
        var root = Write("spec/api.yaml", """
            swagger: "2.0"
            paths:
              /pets:
                get:
                  parameters:
                    - $ref: 'parameters.yaml#/limit'
                  responses:
                    '200': { schema: { $ref: 'Pet.yaml' } }
                    default: { schema: { $ref: "../common/Error.yaml" } }
                    '404': { schema: { $ref: 'https://example.invalid/Remote.yaml' } }
                    '500': { schema: { $ref: '#/definitions/Local' } }
            """);
        var parameters = Write("spec/parameters.yaml", "limit: {name: limit, in: query, type: integer}\n");
        var pet = Write("spec/Pet.yaml", "allOf:\n  - $ref: 'NewPet.yaml'\n");
        var newPet = Write("spec/NewPet.yaml", "type: object\n");
        var error = Write("common/Error.yaml", "type: object\n");
        Write("spec/unused.yaml", "type: object\n");

        var parts = SpecDiscovery.FindParts(root);
        var spec = Assert.Single(SpecDiscovery.FindRootSpecs(_folder));

        Assert.Equal(new[] { error, newPet, pet, parameters }.Order(StringComparer.Ordinal), parts);
        Assert.Equal(parts, spec.Parts);
    }
}
