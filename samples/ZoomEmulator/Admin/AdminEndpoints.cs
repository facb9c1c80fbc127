using System.Globalization;
using System.Text.Json.Nodes;
using ZoomEmulator.Faults;
using ZoomEmulator.Http;

namespace ZoomEmulator.Admin;

/// <summary>
/// Endpoints under <c>/_emulator/</c> that drive the emulator from outside the process (no authentication; the
/// emulator only listens on loopback). Parameters are query-string values so that <c>curl -X POST</c> is enough.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app, EmulatorState state, Func<Uri> baseAddress)
    {
        var admin = app.MapGroup("/_emulator");

        admin.MapGet("/state", new RequestDelegate(context => JsonResponses.WriteAsync(context, 200, State(state, baseAddress()))));

        admin.MapGet("/requests", new RequestDelegate(context =>
        {
            var list = new JsonArray();
            foreach (var request in state.Log.Snapshot())
            {
                list.Add((JsonNode)new JsonObject
                {
                    ["at"] = ZoomTime.Format(request.At),
                    ["method"] = request.Method,
                    ["path"] = request.Path,
                    ["status"] = request.StatusCode,
                    ["dropped"] = request.Dropped,
                });
            }

            return JsonResponses.WriteAsync(context, 200, list);
        }));

        admin.MapPost("/clock/advance", new RequestDelegate(context => AdvanceClockAsync(context, state)));

        admin.MapPost("/faults", new RequestDelegate(context => ArmFaultAsync(context, state)));

        admin.MapDelete("/faults", new RequestDelegate(context =>
        {
            state.Faults.Clear();
            return Ok(context);
        }));

        admin.MapPost("/rate-limit-headers", new RequestDelegate(context =>
        {
            if (!bool.TryParse(context.Request.Query["enabled"], out var enabled))
            {
                return BadRequest(context, "Pass enabled=true or enabled=false.");
            }

            state.SendRateLimitHeaders = enabled;
            return Ok(context);
        }));

        admin.MapPost("/tokens/revoke", new RequestDelegate(context =>
        {
            state.Tokens.RevokeAll();
            return Ok(context);
        }));

        admin.MapPost("/reset", new RequestDelegate(context =>
        {
            state.Reset();
            return Ok(context);
        }));

        admin.MapGet("/start-url", new RequestDelegate(context =>
        {
            var url = context.Request.Query["url"].ToString();
            var expiry = state.StartUrls.ExpiryOf(url);
            var body = new JsonObject
            {
                ["valid"] = state.StartUrls.IsValid(url),
                ["expires_at"] = expiry is { } e ? ZoomTime.Format(e) : null,
            };
            return JsonResponses.WriteAsync(context, expiry is null ? 404 : 200, body);
        }));
    }

    private static JsonObject State(EmulatorState state, Uri baseAddress)
    {
        var options = state.Options;
        return new JsonObject
        {
            ["base_address"] = baseAddress.ToString(),
            ["api_base_address"] = new Uri(baseAddress, "v2/").ToString(),
            ["token_endpoint"] = new Uri(baseAddress, "oauth/token").ToString(),
            ["account_id"] = options.AccountId,
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
            ["now"] = state.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["send_rate_limit_headers"] = state.SendRateLimitHeaders,
            ["token_requests"] = state.Tokens.Requests,
            ["tokens_issued"] = state.Tokens.Issued,
            ["create_requests_received"] = state.TotalCreatesReceived,
            ["meetings"] = state.Meetings.Count,
            ["pending_faults"] = state.Faults.PendingCount,
        };
    }

    private static Task AdvanceClockAsync(HttpContext context, EmulatorState state)
    {
        if (state.Clock is not AdjustableClock clock)
        {
            return Conflict(context, "This emulator's clock cannot be moved from outside; advance the TimeProvider you passed in.");
        }

        var query = context.Request.Query;
        TimeSpan by;
        if (double.TryParse(query["seconds"], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            by = TimeSpan.FromSeconds(seconds);
        }
        else if (query["to"] == "next-utc-midnight")
        {
            by = ZoomTime.NextUtcMidnight(clock.GetUtcNow()) - clock.GetUtcNow();
        }
        else
        {
            return BadRequest(context, "Pass seconds=<non-negative number> or to=next-utc-midnight.");
        }

        clock.Advance(by);
        return JsonResponses.WriteAsync(context, 200, new JsonObject
        {
            ["now"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        });
    }

    private static Task ArmFaultAsync(HttpContext context, EmulatorState state)
    {
        var query = context.Request.Query;
        var count = int.TryParse(query["count"], out var n) ? n : 1;
        var scope = query["scope"].ToString() switch
        {
            "" or "api" => FaultScope.Api,
            "token" => FaultScope.Token,
            "any" => FaultScope.Any,
            _ => (FaultScope?)null,
        };
        if (count <= 0 || scope is null)
        {
            return BadRequest(context, "count must be positive and scope one of api, token, any.");
        }

        try
        {
            switch (query["kind"].ToString())
            {
                case "fail" when int.TryParse(query["status"], out var status):
                    state.Faults.FailNext(count, status, scope.Value);
                    break;
                case "unavailable":
                    var retryAfter = int.TryParse(query["retry_after_seconds"], out var s) ? s : 1;
                    state.Faults.ServiceUnavailableNext(count, TimeSpan.FromSeconds(retryAfter), scope.Value);
                    break;
                case "drop":
                    state.Faults.DropConnectionNext(count, scope.Value);
                    break;
                case "delay" when int.TryParse(query["delay_ms"], out var ms):
                    state.Faults.DelayNext(count, TimeSpan.FromMilliseconds(ms), query["clock"] == "emulator", scope.Value);
                    break;
                default:
                    return BadRequest(context,
                        "kind must be fail (with status), unavailable (retry_after_seconds), drop, or delay (with delay_ms, clock=emulator|real).");
            }
        }
        catch (ArgumentOutOfRangeException e)
        {
            return BadRequest(context, e.Message);
        }

        return Ok(context);
    }

    private static Task Ok(HttpContext context) =>
        JsonResponses.WriteAsync(context, 200, new JsonObject { ["ok"] = true });

    private static Task BadRequest(HttpContext context, string message) =>
        JsonResponses.WriteAsync(context, 400, new JsonObject { ["error"] = message });

    private static Task Conflict(HttpContext context, string message) =>
        JsonResponses.WriteAsync(context, 409, new JsonObject { ["error"] = message });
}
