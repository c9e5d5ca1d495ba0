namespace Faceoff.Protocol.Tests;

/// <summary>
/// The smallest valid schema-v2 protocol, one concept per line so broken variants have easy line numbers.
/// Line 5 framework, 8–9 scenarios, 12–13 profiles, 16 pair, 19 claim; a line inserted after "name" becomes line 4.
/// </summary>
internal static class MiniProtocol
{
    public const string Text = """
        {
          "schema_version": 2,
          "name": "mini",
          "frameworks": {
            "app": { "start": { "command": "app", "args": ["--port", "{port}"] }, "readiness": { "path": "/healthz" } }
          },
          "scenarios": {
            "healthz": { "path": "/healthz", "contract": { "status": 200 } },
            "status": { "path": "/status", "contract": { "status": 200, "media_type": "application/json" } }
          },
          "profiles": {
            "a": { "framework": "app", "scenarios": ["healthz", "status"] },
            "b": { "framework": "app", "scenarios": ["healthz"] }
          },
          "pairs": [
            { "name": "p1", "candidate": "a", "reference": "b", "candidate_port": 4001, "reference_port": 4002 }
          ],
          "claim_targets": [
            { "claim_id": "C01", "pair": "p1", "scenario": "healthz" }
          ]
        }
        """;

    /// <summary>The protocol with one piece of text replaced (which must occur).</summary>
    public static string With(string find, string replacement)
    {
        Assert.Contains(find, Text, StringComparison.Ordinal);
        var at = Text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(Text.AsSpan(0, at), replacement, Text.AsSpan(at + find.Length));
    }

    /// <summary>The protocol with a top-level field inserted as line 4.</summary>
    public static string WithField(string field) => With("\"name\": \"mini\",\n", "\"name\": \"mini\",\n  " + field + "\n");

    /// <summary>Every error of a load, as <c>line:col: path: message</c> (the file is a temporary path).</summary>
    public static string[] Errors(string json) =>
        [.. TestFiles.LoadText(json).Errors.Select(error => $"{error.Line}:{error.Column}: {error.JsonPath}: {error.Message}")];
}
