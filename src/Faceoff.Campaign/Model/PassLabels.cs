using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Model;

/// <summary>"cand r2", "ref warmup 1": how messages name a pass.</summary>
public static class PassLabels
{
    public static string Of(PassKind kind, Side side, int repeat) => kind switch
    {
        PassKind.Measured => $"{side.Short()} r{repeat}",
        PassKind.Warmup => $"{side.Short()} warmup {repeat}",
        _ => $"{side.Short()} server warmup {repeat}",
    };
}
