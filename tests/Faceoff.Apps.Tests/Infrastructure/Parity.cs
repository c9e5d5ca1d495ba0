namespace Faceoff.Apps.Tests.Infrastructure;

internal static class Parity
{
    public const string TextPlain = "text/plain; charset=utf-8";
    public const string TextHtml = "text/html; charset=utf-8";
    public const string Json = "application/json";

    /// <summary>Status, exact Content-Type string and body bytes must be equal on both apps.</summary>
    public static void AssertSameWire(Exchange aspNet, Exchange fastApi)
    {
        Assert.Equal(aspNet.Status, fastApi.Status);
        Assert.Equal(aspNet.ContentType, fastApi.ContentType);
        // Text first for a readable diff; bytes to catch encoding differences the text hides.
        Assert.Equal(aspNet.Text, fastApi.Text);
        Assert.Equal(aspNet.Body, fastApi.Body);
    }

    public static void AssertAnswer(Exchange exchange, int status, string contentType, string body)
    {
        Assert.Equal(status, (int)exchange.Status);
        Assert.Equal(contentType, exchange.ContentType);
        Assert.Equal(body, exchange.Text);
    }
}
