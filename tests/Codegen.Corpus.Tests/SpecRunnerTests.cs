using Codegen.Corpus.Discovery;
using Codegen.Corpus.Running;
using Xunit;

namespace Codegen.Corpus.Tests;

public sealed class SpecRunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("corpus-runner-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string TwoOperations = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Pet' }
            delete:
              operationId: deletePet
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                '204': { description: gone }
        components:
          schemas:
            Pet:
              type: object
              required: [id]
              properties:
                id: { type: string }
                kind: { type: string, enum: [cat, dog] }
        """;

    [Fact]
    public void A_small_spec_is_generated_measured_and_compiled_into_one_result_row()
    {
        File.WriteAllText(Path.Combine(_folder, "pets.yaml"), TwoOperations);
        var spec = Assert.Single(SpecDiscovery.FindRootSpecs(_folder));

        var result = new SpecRunner(measuredRuns: 2, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)).Run(spec);

        Assert.Null(result.HarnessFailure);
        Assert.NotNull(result.Model);
        Assert.Equal(2, result.Model.Operations);
        Assert.Contains("Pet", result.Model.NamedSchemas);
        Assert.Equal(["DELETE /pets/{id}", "GET /pets/{id}"], result.Model.OperationKeys.Order(StringComparer.Ordinal));
        Assert.True(result.Files > 0);
        Assert.True(result.Lines > result.OperationFileLines);
        Assert.True(result.OperationFileLines > 0);
        Assert.Equal(2, result.MeasuredRuns);
        Assert.True(result.AllocatedBytes > 0);
        Assert.Empty(result.GeneratorExceptions);
    }

    [Fact]
    public void A_generation_that_outlives_its_budget_is_reported_as_a_timeout_row_not_thrown()
    {
        File.WriteAllText(Path.Combine(_folder, "pets.yaml"), TwoOperations);
        var spec = Assert.Single(SpecDiscovery.FindRootSpecs(_folder));

        // A zero budget is spent before the driver starts, so the run is cancelled on its first check.
        var result = new SpecRunner(measuredRuns: 1, TimeSpan.Zero, TimeSpan.FromSeconds(60)).Run(spec);

        Assert.NotNull(result.HarnessFailure);
        Assert.StartsWith("timeout", result.HarnessFailure, StringComparison.Ordinal);
        Assert.True(result.Failed(warningsFail: true));
        Assert.Equal("TIMEOUT", result.Status(warningsFail: true));
    }
}
