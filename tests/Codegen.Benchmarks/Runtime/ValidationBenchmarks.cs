using BenchmarkDotNet.Attributes;
using Codegen.Benchmarks.Payloads;

namespace Codegen.Benchmarks.Runtime;

/// <summary>Benchmark 2: Validate() on a valid request (target: 0 bytes) and on one with four violations (allocations only for the errors).</summary>
[BenchmarkCategory("Validation")]
public class ValidationBenchmarks
{
    private Zoom.Meetings.CreateMeetingRequest _valid = null!;
    private Zoom.Meetings.CreateMeetingRequest _invalid = null!;

    [GlobalSetup]
    public void Setup()
    {
        _valid = ZoomPayloads.Request();
        _invalid = ZoomPayloads.InvalidRequest();
        var ok = _valid.Validate();
        if (!ok.IsValid)
        {
            throw new InvalidOperationException("the valid request is invalid: " + string.Join("; ", ok.Errors));
        }
        var bad = _invalid.Validate();
        Console.WriteLine($"// invalid request errors ({bad.Errors.Count}): " + string.Join("; ", bad.Errors));
        if (bad.Errors.Count < 4)
        {
            throw new InvalidOperationException("expected at least four errors, got: " + string.Join("; ", bad.Errors));
        }
    }

    [Benchmark(Baseline = true)]
    public bool ValidateValid() => _valid.Validate().IsValid;

    [Benchmark]
    public int ValidateInvalid() => _invalid.Validate().Errors.Count;
}
