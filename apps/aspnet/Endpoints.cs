using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Faceoff.RefApp.AspNet;

/// <summary>
/// The scenario endpoints. Every body and Content-Type here is mirrored byte for byte by
/// apps/fastapi/app.py; change both together.
/// </summary>
internal static partial class Endpoints
{
    private const string ServerName = "aspnetcore";
    private const double MinHoldSeconds = 0.05;
    private const double MaxHoldSeconds = 5;

    private static readonly byte[] OkBody = Reply.Utf8("ok\n");
    private static readonly byte[] HoldBody = Reply.Utf8("hold\n");
    private static readonly byte[] BadHoldBody = Reply.Utf8("seconds must be a number between 0.05 and 5\n");

    public static void Map(WebApplication app, byte[] indexHtml)
    {
        // Plain RequestDelegates: no parameter binding machinery on the hot path.
        app.MapGet("/healthz", static context => Reply.Text(context, StatusCodes.Status200OK, OkBody));
        app.MapGet("/api/status", static context => Json(context, AppJsonContext.Wire.StatusPayload, Status()));
        app.MapGet("/api/echo/{name}", static context => Json(context, AppJsonContext.Wire.EchoPayload, Echo(context)));
        app.MapGet("/", context => Reply.Send(context, StatusCodes.Status200OK, Reply.TextHtml, indexHtml));
        app.MapGet("/hold", Hold);
    }

    private static StatusPayload Status() =>
        new(ServerName, true, DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private static EchoPayload Echo(HttpContext context)
    {
        var name = (string)context.Request.RouteValues["name"]!;
        return new EchoPayload(name, "/api/echo/" + name);
    }

    private static Task Json<T>(HttpContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, T payload) =>
        Reply.Send(context, StatusCodes.Status200OK, Reply.Json, JsonSerializer.SerializeToUtf8Bytes(payload, typeInfo));

    private static async Task Hold(HttpContext context)
    {
        var seconds = ParseHoldSeconds(context.Request.Query["seconds"]);
        if (seconds is null)
        {
            await Reply.Text(context, StatusCodes.Status400BadRequest, BadHoldBody).ConfigureAwait(false);
            return;
        }

        // Not tied to RequestAborted: uvicorn does not cancel a handler when the client leaves either.
        await Task.Delay(TimeSpan.FromSeconds(seconds.Value)).ConfigureAwait(false);
        await Reply.Text(context, StatusCodes.Status200OK, HoldBody).ConfigureAwait(false);
    }

    /// <summary>The last "seconds" value, plain decimal digits only, within [0.05, 5]; null otherwise.</summary>
    internal static double? ParseHoldSeconds(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0 || values[^1] is not { } raw || !HoldSecondsSyntax().IsMatch(raw))
        {
            return null;
        }

        var seconds = double.Parse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return seconds is >= MinHoldSeconds and <= MaxHoldSeconds ? seconds : null;
    }

    // Same pattern as the Python app; \z rather than $ so a trailing newline does not match.
    [GeneratedRegex(@"^[0-9]{1,8}(\.[0-9]{1,8})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex HoldSecondsSyntax();
}
