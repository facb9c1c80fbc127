using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Parameters;

/// <summary>
/// Generates the client for Specs/parameter-styles.yaml, compiles it with a harness that makes one call per named
/// scenario through the client's real DI registration and transport, and loads it.
/// </summary>
public sealed class ParameterStylesFixture : IDisposable
{
    private const string Harness = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Tests.Styles;

        namespace TestHarness
        {
            public static class ParameterProbe
            {
                public static async Task Send(string scenario, string baseAddress)
                {
                    var services = new ServiceCollection();
                    services.AddStylesClient(options => options.BaseAddress = new Uri(baseAddress));
                    using var provider = services.BuildServiceProvider();
                    var client = provider.GetRequiredService<StylesClient>();
                    var color = new Color { R = 100, G = 200, B = 150 };
                    var list = new[] { "blue", "black", "brown" };
                    var task = scenario switch
                    {
                        "path simple" => client.PathSimpleAsync("blue", list, list, color, color),
                        "path label" => client.PathLabelAsync("blue", list, list, color, color),
                        "path matrix" => client.PathMatrixAsync("blue", list, list, color, color),
                        "path escaping" => client.PathMatrixAsync("a;b=c", new[] { "x,y", "z w" }, new[] { "1/2" }, new Color { R = 1 }, new Color { G = 2 }),
                        "path union integer" => client.GetMeetingAsync(85746065432L),
                        "path union string" => client.GetMeetingAsync("abc/1=="),
                        "path type array integer" => client.GetPastMeetingAsync(5638296721L),
                        "path type array string" => client.GetPastMeetingAsync("4444AAAiAAAAAiAiAiiAii=="),
                        "path union unset" => client.GetMeetingAsync(new GetMeetingMeetingId()),
                        "path nested falls back to text" => client.GetReportAsync("2024-01"),
                        "query form primitive" => client.QueryAsync(fp: "blue"),
                        "query form array" => client.QueryAsync(fa: list),
                        "query form array exploded" => client.QueryAsync(fax: list),
                        "query form object" => client.QueryAsync(fo: color),
                        "query form object exploded" => client.QueryAsync(fox: color),
                        "query form object exploded skips unset members" => client.QueryAsync(fox: new Color { G = 7 }),
                        "query space delimited array" => client.QueryAsync(sa: list),
                        "query space delimited array exploded" => client.QueryAsync(sax: list),
                        "query pipe delimited array" => client.QueryAsync(pa: list),
                        "query pipe delimited object" => client.QueryAsync(po: color),
                        "query deep object" => client.QueryAsync(d: color),
                        "query deep object map" => client.QueryAsync(dm: new Dictionary<string, string> { ["name"] = "a b", ["tag"] = "x&y" }),
                        "query integer array" => client.QueryAsync(ids: new[] { 1, 2, 3 }),
                        "query empty array" => client.QueryAsync(fa: Array.Empty<string>(), fax: Array.Empty<string>()),
                        "query enum" => client.QueryAsync(shade: Shade.Dark),
                        "query date-time" => client.QueryAsync(at: new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)),
                        "query json content" => client.QueryAsync(filter: color),
                        "query wrong style uses form" => client.QueryAsync(wrong: "x y"),
                        "header primitive" => client.HeadersAsync(xPrimitive: "blue"),
                        "header array" => client.HeadersAsync(xArray: list),
                        "header object" => client.HeadersAsync(xObject: color),
                        "header object exploded" => client.HeadersAsync(xObjectExploded: color),
                        "header json content" => client.HeadersAsync(xJson: new[] { 1, 2 }),
                        "cookie primitive" => client.CookiesAsync("s1"),
                        "cookie escaped" => client.CookiesAsync("a b;c,d"),
                        "cookie array" => client.CookiesAsync("s1", ca: list),
                        "cookie array exploded" => client.CookiesAsync("s1", cax: list),
                        "cookie object" => client.CookiesAsync("s1", co: color),
                        "cookie object exploded" => client.CookiesAsync("s1", cox: color),
                        _ => throw new ArgumentException("Unknown scenario " + scenario),
                    };
                    await task;
                }
            }
        }
        """;

    public ParameterStylesFixture()
    {
        Result = GeneratorHarness.Run(new[] { Spec() }, Harness);
        Result.AssertCompilesCleanly();
        Assembly = Result.Load();
    }

    public GenerationResult Result { get; }

    public LoadedAssembly Assembly { get; }

    public static InMemoryAdditionalText Spec() =>
        InMemoryAdditionalText.Spec("/project/specs/parameter-styles.yaml", Specs.Read("parameter-styles.yaml"), "Tests.Styles", "StylesClient");

    public Task SendAsync(string scenario, Uri baseAddress) =>
        (Task)Assembly.Call("TestHarness.ParameterProbe", "Send", scenario, baseAddress.ToString())!;

    public void Dispose() => Assembly.Dispose();
}
