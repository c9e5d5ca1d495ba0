using Faceoff.Reporting.Model;
using Faceoff.Statistics;

namespace Faceoff.Reporting.Text;

/// <summary>
/// A quick (smoke) run never claims: every output shows <see cref="Text"/> where a verdict would be, and says
/// why. The statistics still computed a verdict per row (kept in the JSON, with <c>environment.quick_mode</c>
/// beside it) so a smoke run's rows can be inspected, but no output reads it as a result.
/// </summary>
public static class SmokeVerdict
{
    public const string Text = "smoke: no verdict";

    /// <summary>The machine-readable form, for the CSV verdict column.</summary>
    public const string Token = "smoke_no_verdict";

    public const string Why =
        "Quick (smoke) mode: every row reads \"smoke: no verdict\" and no claim is evaluated, because quick sizing (reduced ladder, 0.5 s passes, three repeats, a short fixed warmup) cannot support a verdict; run without --quick for faster, slower or no difference.";

    /// <summary>The verdict as people read it in this report.</summary>
    public static string Words(CampaignReport report, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Environment.QuickMode ? Text : EnumText.Words(verdict);
    }
}
