using System.Buffers;
using System.Security.Cryptography;

namespace Faceoff.RefApp.AspNet.Middleware;

/// <summary>Random lowercase-hex identifiers (CSPRNG, like the FastAPI app's os.urandom).</summary>
internal static class Ids
{
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public static string NewHex(int byteCount)
    {
        Span<byte> bytes = stackalloc byte[byteCount];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    public static bool IsLowerHex(ReadOnlySpan<char> text, int length) =>
        text.Length == length && !text.ContainsAnyExcept(LowerHex);
}
