using Markdig;
using Markdig.Syntax;

namespace Faceoff.Reporting.Html;

/// <summary>
/// Renders the methodology's Markdown as HTML with Markdig (CommonMark plus pipe tables), so the page shows the very
/// text of the .md file. Headings move down one level to sit under the page's own section heading. The output
/// depends only on the input and the pinned Markdig version, so <c>faceoff report</c> re-renders byte-identically.
/// </summary>
internal static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public static string Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown.Replace("\r", "", StringComparison.Ordinal), Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 1);
        }
        return document.ToHtml(Pipeline);
    }
}
