using Faceoff.Parity.Checks;

namespace Faceoff.Parity.Tests;

public class UnifiedDiffTests
{
    [Fact]
    public void Identical_texts_have_no_diff() => Assert.Null(UnifiedDiff.Create("a\nb\n", "a\nb\n", "x", "y"));

    [Fact]
    public void Distant_changes_get_separate_hunks_with_three_lines_of_context()
    {
        var left = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));
        var right = left.Replace("line 2\n", "line two\n", StringComparison.Ordinal).Replace("line 18\n", string.Empty, StringComparison.Ordinal);

        var diff = UnifiedDiff.Create(left, right, "a", "b");

        Assert.Equal(
            "--- a\n+++ b\n" +
            "@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n line 4\n line 5\n" +
            "@@ -15,6 +15,5 @@\n line 15\n line 16\n line 17\n-line 18\n line 19\n line 20\n",
            diff);
    }

    [Fact]
    public void A_missing_final_newline_is_marked()
    {
        var diff = UnifiedDiff.Create("ok\n", "ok", "a", "b");

        Assert.Equal("--- a\n+++ b\n@@ -1,1 +1,1 @@\n-ok\n+ok\n\\ No newline at end of file\n", diff);
    }

    [Fact]
    public void An_empty_side_uses_a_zero_length_range()
    {
        Assert.Equal("--- a\n+++ b\n@@ -0,0 +1,1 @@\n+ok\n", UnifiedDiff.Create(string.Empty, "ok\n", "a", "b"));
    }
}
