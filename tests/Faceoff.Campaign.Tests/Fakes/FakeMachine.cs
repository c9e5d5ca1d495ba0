using Faceoff.Campaign.Execution;

namespace Faceoff.Campaign.Tests.Fakes;

/// <summary>A machine whose speed readings are scripted; each reading takes a simulated second of the manual clock.</summary>
internal sealed class FakeMachine(ManualClock clock, params double[] speeds) : IMachineSpeed
{
    private int _next;

    public int Readings => _next;

    public double BaselineMilliseconds => 2.5;

    /// <summary>The scripted speeds in turn, then the last one for ever.</summary>
    public double Measure()
    {
        clock.Advance(1);
        var speed = speeds[Math.Min(_next, speeds.Length - 1)];
        _next++;
        return speed;
    }
}
