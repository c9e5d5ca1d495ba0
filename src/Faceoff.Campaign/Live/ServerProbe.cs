namespace Faceoff.Campaign.Live;

/// <summary>Whether a server, local or remote, still accepts a connection and answers its readiness path.</summary>
internal static class ServerProbe
{
    public static async Task<bool> AnswersAsync(Uri baseUri, string readinessPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A fresh connection on purpose: the question is whether the server still accepts and answers.
        using var client = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await client.GetAsync(new Uri(baseUri, readinessPath), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
