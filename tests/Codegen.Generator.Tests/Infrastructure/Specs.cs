namespace Codegen.Generator.Tests.Infrastructure;

/// <summary>Spec files used by the tests: our own under Specs/, and the product spec under the repository's specs/.</summary>
public static class Specs
{
    public static string Read(string fileName) => File.ReadAllText(RepositoryPaths.TestFile("Specs", fileName));

    public static InMemoryAdditionalText KitchenSink() =>
        InMemoryAdditionalText.Spec("/project/specs/kitchen-sink.yaml", Read("kitchen-sink.yaml"), "Tests.Sink", "SinkClient");

    public static InMemoryAdditionalText Bodies() =>
        InMemoryAdditionalText.Spec("/project/specs/bodies.yaml", Read("bodies.yaml"), "Tests.Bodies", "BodiesClient");

    public static InMemoryAdditionalText Zoom() =>
        InMemoryAdditionalText.Spec("/project/specs/zoom-meetings.yaml", File.ReadAllText(RepositoryPaths.Spec("zoom-meetings.yaml")), "Zoom.Meetings", "ZoomMeetingsClient");
}
