using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Json;

/// <summary>
/// Generates the client for specs/zoom-meetings.yaml once, compiles it with a small harness that calls the
/// generated JSON code (reflection cannot pass a <c>ref Utf8JsonReader</c>), and loads it into a collectible context.
/// </summary>
public sealed class ZoomClientFixture : IDisposable
{
    private const string Harness = """
        using System.Text;
        using System.Text.Json;
        using Zoom.Meetings;

        namespace TestHarness
        {
            public static class JsonProbe
            {
                public static string RoundTripCreateMeetingRequest(string json)
                {
                    var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
                    reader.Read();
                    var model = CreateMeetingRequest.ReadJson(ref reader);
                    if (reader.Read()) throw new JsonException("ReadJson left tokens behind.");
                    return Write(model.WriteJson);
                }

                public static string DescribeMeeting(string json)
                {
                    var meeting = ReadMeeting(json);
                    return string.Join("|",
                        meeting.Id,
                        meeting.Type is { } type ? ((int)type).ToString() : "null",
                        meeting.Status is { } status ? ((int)status).ToString() : "null",
                        meeting.CreationSource is { } source ? ((int)source).ToString() : "null",
                        meeting.Settings?.Audio is { } audio ? ((int)audio).ToString() : "null",
                        meeting.Settings?.JbhTime is { } jbh ? ((int)jbh).ToString() : "null",
                        meeting.Settings?.HostVideo,
                        meeting.Recurrence?.MonthlyWeek,
                        meeting.Occurrences?.Count,
                        meeting.StartTime?.ToUniversalTime().ToString("O"),
                        meeting.Topic);
                }

                public static string MeetingToString(string json) => ReadMeeting(json).ToString();

                public static string ValidateCreateMeetingRequest(string json)
                {
                    var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
                    reader.Read();
                    var result = CreateMeetingRequest.ReadJson(ref reader).Validate();
                    return string.Join("\n", result.Errors);
                }

                public static string CreateMeetingWithInvalidInput()
                {
                    // An invoker that was never set up: reaching it would throw something other than validation.
                    var invoker = (Codegen.Runtime.Transport.ApiInvoker)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(Codegen.Runtime.Transport.ApiInvoker));
                    var client = new ZoomMeetingsClient(invoker);
                    try
                    {
                        _ = client.CreateMeetingAsync("", new CreateMeetingRequest { Topic = new string('x', 201), Password = "far too long!" });
                        return "no exception";
                    }
                    catch (Codegen.Runtime.Validation.RequestValidationException exception)
                    {
                        return string.Join("\n", exception.Errors);
                    }
                }

                public static string ResolveFromDependencyInjectionAndSendInvalid()
                {
                    var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
                    services.AddZoomMeetingsClient(options => options.BaseAddress = new System.Uri("http://127.0.0.1:9/v2/"));
                    using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
                    var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ZoomMeetingsClient>(provider);
                    try
                    {
                        _ = client.CreateMeetingAsync("me", new CreateMeetingRequest { Agenda = new string('a', 2001) });
                        return "no exception";
                    }
                    catch (Codegen.Runtime.Validation.RequestValidationException exception)
                    {
                        return client.GetType().Name + ": " + string.Join("\n", exception.Errors);
                    }
                }

                private static Meeting ReadMeeting(string json)
                {
                    var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
                    reader.Read();
                    var meeting = Meeting.ReadJson(ref reader);
                    if (reader.Read()) throw new JsonException("ReadJson left tokens behind.");
                    return meeting;
                }

                private static string Write(System.Action<Utf8JsonWriter> write)
                {
                    var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                    using (var writer = new Utf8JsonWriter(buffer))
                    {
                        write(writer);
                    }
                    return Encoding.UTF8.GetString(buffer.WrittenSpan);
                }
            }
        }
        """;

    public ZoomClientFixture()
    {
        Result = GeneratorHarness.Run(new[] { Specs.Zoom() }, Harness);
        Result.AssertCompilesCleanly();
        Assembly = Result.Load();
    }

    public GenerationResult Result { get; }

    public LoadedAssembly Assembly { get; }

    public string Probe(string method, string json) => (string)Assembly.Call("TestHarness.JsonProbe", method, json)!;

    public string Probe(string method) => (string)Assembly.Call("TestHarness.JsonProbe", method)!;

    public void Dispose() => Assembly.Dispose();
}
