namespace Faceoff.Statistics.Tests;

public sealed class WriteReconciliationTests
{
    [Fact]
    public void Lost_or_phantom_writes_name_the_pass_and_both_numbers()
    {
        var lost = Synthetic.Exact(100) with { Writes = new WriteReconciliation(10598, 10597) };
        var phantom = Synthetic.Exact(100) with { Writes = new WriteReconciliation(5, 6) };
        var cell = Synthetic.ExactCell("aspnet", Synthetic.Exact(100) with { Writes = new WriteReconciliation(7, 7) }, lost, phantom);

        var stats = SideAnalyzer.Analyze(cell, StatisticsSettings.Default);

        var issues = stats.Issues.Where(i => i.Kind == QualityIssueKind.WriteMismatch).Select(i => i.Message).ToList();
        Assert.Equal(
            ["lost or phantom writes: pass 2: 201 × 10598 but 10597 rows inserted", "lost or phantom writes: pass 3: 201 × 5 but 6 rows inserted"],
            issues);
        Assert.False(stats.IsClean);
    }

    [Fact]
    public void Matching_writes_leave_the_cell_clean()
    {
        var cell = Synthetic.ExactCell("aspnet",
            Synthetic.Exact(100) with { Writes = new WriteReconciliation(7, 7) },
            Synthetic.Exact(100) with { Writes = new WriteReconciliation(0, 0) },
            Synthetic.Exact(100));

        var stats = SideAnalyzer.Analyze(cell, StatisticsSettings.Default);

        Assert.True(stats.IsClean);
    }
}
