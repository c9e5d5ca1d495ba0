using System.Security.Cryptography;
using System.Text;

namespace Faceoff.RefApp.AspNet.Middleware;

/// <summary>
/// Signed session cookies: value "&lt;sid&gt;.&lt;hex HMAC-SHA256(key, sid)&gt;"; the CSRF token is
/// hex HMAC-SHA256(key, "csrf:" + sid). Same scheme and default key as the FastAPI app, so a
/// cookie issued by one app is valid on the other.
/// </summary>
internal sealed class SessionSigner(byte[] key)
{
    public const string SessionCookie = "faceoff_session";
    public const string CsrfCookie = "csrf";

    public string SignedValue(string sessionId) => sessionId + "." + Mac(sessionId);

    public string CsrfToken(string sessionId) => Mac("csrf:" + sessionId);

    public bool IsValid(string cookieValue)
    {
        var dot = cookieValue.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Mac(cookieValue[..dot]));
        var presented = Encoding.UTF8.GetBytes(cookieValue[(dot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    private string Mac(string message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message)));
}
