namespace Faceoff.Reporting.Html;

/// <summary>The page's only stylesheet, inlined so the report needs nothing but the file itself.</summary>
internal static class HtmlStyles
{
    public const string Css = """
        :root { --fg: #1f2933; --muted: #616e7c; --line: #d9e2ec; --bg: #f5f7fa; --card: #fff;
          --candidate: #2563eb; --reference: #ea580c; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--fg);
          font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1320px; margin: 0 auto; padding: 24px 28px 64px; }
        header h1 { font-size: 26px; margin: 0 0 4px; }
        header .sub { color: var(--muted); margin: 0; }
        nav { margin: 14px 0 0; display: flex; flex-wrap: wrap; gap: 6px 16px; }
        nav a { color: var(--candidate); text-decoration: none; }
        h2 { font-size: 20px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 16px; margin: 24px 0 8px; }
        h4 { font-size: 14px; margin: 18px 0 6px; }
        code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eef2f7; padding: 1px 4px; border-radius: 3px; }
        pre { background: #1f2933; color: #e4e7eb; padding: 10px 12px; border-radius: 6px; overflow-x: auto; max-height: 320px; }
        pre code { background: none; color: inherit; padding: 0; }
        .banner { margin: 16px 0 0; padding: 10px 14px; border-radius: 6px; border: 1px solid; }
        .banner.warn { background: #fff5f5; border-color: #f5a3a3; color: #8a1c1c; }
        .banner.info { background: #f0f7ff; border-color: #a9c8f5; color: #1d3f72; }
        .cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; margin-top: 18px; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
        .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .card .value { font-size: 20px; font-weight: 600; margin-top: 2px; }
        .card .detail { color: var(--muted); font-size: 12px; }
        table { border-collapse: collapse; width: 100%; background: var(--card); border: 1px solid var(--line); margin: 8px 0; }
        th, td { padding: 5px 9px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { background: #eef2f7; font-weight: 600; font-size: 13px; }
        td.num, th.num, td[style*="right"], th[style*="right"] { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.reason { color: var(--muted); font-size: 13px; }
        .badge { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
        .badge.good { background: #e3f9e5; color: #1f7a2e; border-color: #8ed6a0; }
        .badge.bad { background: #ffe3e3; color: #a61b1b; border-color: #f29b9b; }
        .badge.even { background: #e6f0ff; color: #1d4ed8; border-color: #a4c2f4; }
        .badge.unsure { background: #fff7e0; color: #8d5b00; border-color: #f0c96b; }
        .badge.mixed { background: #f3e8ff; color: #6b21a8; border-color: #cfa8f2; }
        .badge.none { background: #f1f3f5; color: #52606d; border-color: #bcc5cf; border-style: dashed; }
        table.comparison { font-size: 13px; }
        table.comparison .badge { white-space: normal; }
        .steps .badge { margin: 0 4px 2px 0; font-weight: 500; }
        .ci { color: var(--muted); font-size: 11px; font-weight: 400; }
        .scenario-head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; }
        .pair-title { color: var(--muted); font-weight: 400; }
        .scenario { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 12px; margin: 14px 0; }
        .charts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 14px 18px; }
        figure.chart { margin: 0; }
        .chart-title { font-weight: 600; margin-bottom: 2px; }
        .chart-note { color: var(--muted); font-size: 12px; margin: 0; }
        .legend { font-size: 12px; display: flex; gap: 10px; flex-wrap: wrap; }
        .key::before { content: ""; display: inline-block; width: 14px; height: 3px; margin-right: 4px; vertical-align: middle; background: currentColor; }
        .key.role-candidate { color: var(--candidate); }
        .key.role-reference { color: var(--reference); }
        svg { width: 100%; height: auto; display: block; overflow: visible; }
        svg text { font-size: 10.5px; fill: var(--muted); }
        svg .tick.y { text-anchor: end; }
        svg .tick.x, svg .axis-title, svg .no-data { text-anchor: middle; }
        svg .axis-title { fill: var(--fg); font-size: 11px; }
        svg .grid { stroke: #e4e7eb; stroke-width: 1; }
        svg .tickmark, svg .frame { stroke: #9aa5b1; stroke-width: 1; fill: none; }
        svg .marker { stroke: #bcc5cf; stroke-dasharray: 3 3; }
        svg .series .line { fill: none; stroke-width: 2; stroke-opacity: .85; stroke-linejoin: round; stroke-linecap: round; }
        svg .series .bars { fill: none; stroke-width: 1.3; }
        svg .series.dashed .line { stroke-dasharray: 6 4; }
        svg .role-candidate .line, svg .role-candidate .bars { stroke: var(--candidate); }
        svg .role-reference .line, svg .role-reference .bars { stroke: var(--reference); }
        svg .role-candidate circle { fill: var(--candidate); }
        svg .role-reference circle { fill: var(--reference); }
        .problem { background: var(--card); border: 1px solid var(--line); border-left: 4px solid #e12d39; border-radius: 6px; padding: 8px 14px; margin: 10px 0; }
        .problem.unstable { border-left-color: #f0b429; }
        .methodology { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 4px 20px 16px; }
        .methodology table { font-size: 13px; }
        td.mono, .artifacts td:first-child { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; word-break: break-all; }
        footer { color: var(--muted); font-size: 12px; margin-top: 40px; }
        """;
}
