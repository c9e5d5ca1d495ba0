namespace Faceoff.Statistics.Tests;

public sealed class SideAnalyzerTests
{
    [Fact]
    public void Throughput_summary_matches_hand_computed_median_iqr_and_cv()
    {
        var cell = Synthetic.ExactCell("aspnet", Synthetic.Exact(100), Synthetic.Exact(110), Synthetic.Exact(130));

        var stats = SideAnalyzer.Analyze(cell, StatisticsSettings.Default);

        var throughput = stats.Throughput!;
        Assert.Equal(110, throughput.Median, 9);
        Assert.Equal(105, throughput.Q1, 9);
        Assert.Equal(120, throughput.Q3, 9);
        Assert.Equal(15, throughput.Iqr, 9);
        // Sample standard deviation (n − 1): sqrt(((−40/3)² + (−10/3)² + (50/3)²) / 2) = sqrt(700/3).
        Assert.Equal(Math.Sqrt(700.0 / 3) / (340.0 / 3), throughput.Cv!.Value, 9);
        Assert.Equal(1_000, stats.Latency!.P50.Median, 9);
        Assert.Equal(1_800, stats.Latency.P95.Median, 9);
        Assert.False(stats.IsUnstable);
        Assert.True(stats.IsClean);
    }

    [Fact]
    public void Cell_is_unstable_when_throughput_cv_exceeds_the_bound()
    {
        // CV of 50, 100, 200 is about 0.655.
        var cell = Synthetic.ExactCell("aspnet", Synthetic.Exact(50), Synthetic.Exact(100), Synthetic.Exact(200));

        var strict = SideAnalyzer.Analyze(cell, StatisticsSettings.Default);
        var lenient = SideAnalyzer.Analyze(cell, StatisticsSettings.Default with { MaxCv = 0.7 });

        Assert.True(strict.IsUnstable);
        Assert.Contains(strict.Issues, i => i.Kind == QualityIssueKind.Unstable && i.Message.Contains("0.655"));
        Assert.False(lenient.IsUnstable);
        Assert.True(lenient.IsClean);
    }

    [Fact]
    public void Within_pass_cv_ignores_the_partial_first_and_last_second()
    {
        var steady = Synthetic.Exact(100, perSecond: [10, 100, 100, 100, 3]);
        var wobbly = Synthetic.Exact(100, perSecond: [55, 90, 110, 1]);
        var tooShort = Synthetic.Exact(100, perSecond: [40, 60]);

        var stats = SideAnalyzer.Analyze(Synthetic.ExactCell("aspnet", steady, wobbly, tooShort), StatisticsSettings.Default);

        Assert.Equal(3, stats.PassStability.PerRepeatCv.Count);
        Assert.Equal(0, stats.PassStability.PerRepeatCv[0]!.Value, 9);
        Assert.Equal(Math.Sqrt(200) / 100, stats.PassStability.PerRepeatCv[1]!.Value, 9);
        Assert.Null(stats.PassStability.PerRepeatCv[2]);
        Assert.Equal(Math.Sqrt(200) / 100, stats.PassStability.MaxCv!.Value, 9);
    }

    [Fact]
    public void Contract_violations_errors_and_failures_are_recorded_as_issues()
    {
        var dirty = Synthetic.Exact(100) with { ContractViolations = 2, Errors = 50, Requests = 1_000 };
        var cell = Synthetic.ExactCell("fastapi", dirty, Synthetic.Exact(100), Synthetic.Exact(100)) with { Failure = "server exited with code 137" };

        var stats = SideAnalyzer.Analyze(cell, StatisticsSettings.Default);

        Assert.Equal(
            [QualityIssueKind.CellFailed, QualityIssueKind.ContractViolations, QualityIssueKind.Errors],
            stats.Issues.Select(i => i.Kind));
        Assert.Equal(50.0 / 3_000, stats.ErrorRate, 12);
        Assert.Contains("code 137", stats.Issues[0].Message);
    }

    [Fact]
    public void Cell_without_repeats_has_no_summaries_and_reports_no_data()
    {
        var stats = SideAnalyzer.Analyze(Synthetic.ExactCell("fastapi"), StatisticsSettings.Default);

        Assert.Null(stats.Throughput);
        Assert.Null(stats.Latency);
        Assert.Contains(stats.Issues, i => i.Kind == QualityIssueKind.NoData);
    }

    [Fact]
    public void Settings_validation_reports_every_out_of_range_value()
    {
        var findings = new StatisticsSettings { ConfidenceLevel = 1.2, EquivalenceBand = -0.1, MinRepeats = 1, MaxErrorRate = 2 }.Validate();

        Assert.Equal(4, findings.Count);
        Assert.Empty(StatisticsSettings.Default.Validate());
    }
}
