using System.Text.Json;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Json;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Transport.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Codegen.Runtime.Transport;

/// <summary>
/// Sends the requests of one generated client through the runtime pipeline, an ordered list of small steps:
/// per call — telemetry span, logging scope, retry loop; per attempt — quota permit, auth header, send, and on the way
/// back the quota feedback; the retry loop classifies each attempt. Generated clients hold one.
/// </summary>
/// <remarks>
/// What a caller may see: the result; <see cref="ApiException"/> (non-2xx answer);
/// <see cref="OutcomeUnknownException"/> (a POST/PATCH may have been processed and was not re-sent);
/// <see cref="QuotaExceededException"/> (refused locally, nothing sent); <see cref="ApiAuthenticationException"/>
/// (no token, nothing sent); <see cref="ApiResponseFormatException"/> (processed, but the body was unreadable);
/// <see cref="TimeoutException"/> or <see cref="HttpRequestException"/> (an idempotent call ran out of attempts);
/// <see cref="OperationCanceledException"/> (the caller cancelled; never retried).
/// </remarks>
public sealed partial class ApiInvoker
{
    private readonly ReadOnlyMemory<PipelineStep> _steps;

    /// <summary>Creates an invoker without DI (tests, benchmarks, scripts).</summary>
    /// <param name="httpClient">
    /// The client that sends. Its own <see cref="HttpClient.Timeout"/> should be infinite (the invoker times each attempt);
    /// to follow redirects safely, build it over <see cref="SafeRedirectHandler"/> with automatic redirects off.
    /// </param>
    /// <param name="description">The API.</param>
    /// <param name="options">The client's settings; validated here.</param>
    /// <param name="tokenProvider">Supplies the bearer token, or <see langword="null"/> for anonymous calls.</param>
    /// <param name="quotaLimiter">The quota limiter, or <see langword="null"/> to enforce no local quotas.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Where the transport logs; nowhere when <see langword="null"/>.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public ApiInvoker(
        HttpClient httpClient,
        ApiDescription description,
        ApiClientOptions options,
        IAccessTokenProvider? tokenProvider = null,
        QuotaLimiter? quotaLimiter = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
        : this(httpClient, description, options, tokenProvider, quotaLimiter is null ? null : new LimiterQuotaGate(quotaLimiter), timeProvider, loggerFactory)
    {
    }

    internal ApiInvoker(
        HttpClient httpClient,
        ApiDescription description,
        ApiClientOptions options,
        IAccessTokenProvider? tokenProvider,
        IQuotaGate? quotaGate,
        TimeProvider? timeProvider,
        ILoggerFactory? loggerFactory,
        Func<TimeSpan, CancellationToken, Task>? delay = null,
        Func<double>? random = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        Description = description ?? throw new ArgumentNullException(nameof(description));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        var errors = options.Validate(description);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(description.Name, typeof(ApiClientOptions), errors);
        }
        BaseAddress = options.BaseAddress ?? description.DefaultBaseAddress!;
        var time = timeProvider ?? TimeProvider.System;
        TimeProvider = time;
        var logger = loggerFactory?.CreateLogger("Codegen.Runtime.Transport.ApiInvoker") ?? NullLogger.Instance;
        delay ??= (wait, cancellationToken) => Task.Delay(wait, time, cancellationToken);
        random ??= Random.Shared.NextDouble;

        var steps = new List<PipelineStep>
        {
            // Per call.
            new TelemetryStep(description.Name, time),
            new LoggingScopeStep(description.Name, logger),
            new RetryStep(options, new AttemptClassifier(options, time), time, delay, random, logger),
        };
        // Per attempt.
        if (quotaGate is not null)
        {
            steps.Add(new QuotaStep(quotaGate, logger));
        }
        if (tokenProvider is not null)
        {
            steps.Add(new AuthStep(tokenProvider, logger));
        }
        steps.Add(new SendStep(httpClient, new RequestMessageFactory(BaseAddress), options, time, logger));
        _steps = steps.ToArray();
    }

    /// <summary>The API this invoker calls.</summary>
    public ApiDescription Description { get; }

    /// <summary>The settings in force.</summary>
    public ApiClientOptions Options { get; }

    /// <summary>The base address requests are sent to.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The clock of retries, telemetry and quotas; generated code judges expiring values by it too.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Sends a request and reads a JSON response body with generated code.</summary>
    /// <param name="request">The request, built and validated by the generated client.</param>
    /// <param name="readBody">The generated reader of the success body.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled call is never retried.</param>
    public async Task<T> SendAsync<T>(ApiRequest request, JsonReadFunc<T> readBody, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readBody);
        using var call = await RunAsync(request, cancellationToken).ConfigureAwait(false);
        var response = call.Response!;
        try
        {
            var reader = new Utf8JsonReader(call.ResponseBody is { } body ? body.Span : default);
            if (!reader.Read())
            {
                throw new JsonException("The answer has no body.");
            }
            return readBody(ref reader);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            throw new ApiResponseFormatException(request.Operation.OperationId, response.StatusCode, RequestIds.Find(response, Options), exception);
        }
    }

    /// <summary>Sends a request whose successful answer has no body (or one the caller ignores).</summary>
    /// <param name="request">The request, built and validated by the generated client.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled call is never retried.</param>
    public async Task SendAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        using var call = await RunAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ApiCall> RunAsync(ApiRequest request, CancellationToken cancellationToken, bool streamsResponse = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var call = new ApiCall(request, cancellationToken) { StreamsResponse = streamsResponse };
        try
        {
            if (request.JsonBody is { } writeBody)
            {
                // Written once per call into a pooled buffer; every attempt sends the same bytes.
                call.JsonBody = new PooledBuffer();
                using var writer = new Utf8JsonWriter(call.JsonBody);
                writeBody(writer);
                writer.Flush();
            }
            await new PipelineNext(_steps).InvokeAsync(call).ConfigureAwait(false);
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }
}
