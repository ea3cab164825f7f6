/**
 * The daily cost chart as an inline SVG mustache partial; its view is a {@link CostChart}.
 * Geometry comes from numbers the chart computed and text only through `{{ }}`, so data can add
 * no element or attribute. Fonts and grid colours live in the page stylesheet.
 */
export const costChartTemplate = `<svg class="cost-chart" role="img"
 aria-labelledby="cost-chart-title cost-chart-desc" viewBox="0 0 {{width}} {{height}}">
<title id="cost-chart-title">Daily cost per provider (USD)</title>
<desc id="cost-chart-desc">{{description}}</desc>
<text class="axis-title" x="{{plot.left}}" y="12">USD per day</text>
<g class="y-axis">
{{#yTicks}}
<line class="grid" x1="{{plot.left}}" x2="{{plot.right}}" y1="{{y}}" y2="{{y}}"></line>
<text class="tick" x="{{plot.left}}" y="{{y}}" dx="-6" dy="4">{{label}}</text>
{{/yTicks}}
</g>
<g class="x-axis">
<line class="axis" x1="{{plot.left}}" x2="{{plot.right}}"
 y1="{{plot.bottom}}" y2="{{plot.bottom}}"></line>
{{#xTicks}}
<line class="axis" x1="{{x}}" x2="{{x}}" y1="{{plot.bottom}}" y2="{{xAxis.tickEnd}}"></line>
<text class="day" x="{{x}}" y="{{xAxis.labelY}}">{{label}}</text>
{{/xTicks}}
<text class="axis-title" x="{{plot.right}}" y="{{xAxis.captionY}}">UTC day (MM-DD)</text>
</g>
{{#series}}
<g class="series">
<polyline fill="none" stroke="{{colour}}"
 stroke-width="2"{{#dash}} stroke-dasharray="{{dash}}"{{/dash}} points="{{points}}"></polyline>
{{#markers}}
<circle cx="{{x}}" cy="{{y}}" r="3" fill="{{colour}}"><title>{{label}}</title></circle>
{{/markers}}
</g>
{{/series}}
<g class="legend">
{{#series}}
<line x1="{{legend.x1}}" x2="{{legend.x2}}" y1="{{legend.y}}" y2="{{legend.y}}"
 stroke="{{colour}}" stroke-width="3"{{#dash}} stroke-dasharray="{{dash}}"{{/dash}}></line>
<text x="{{legend.textX}}" y="{{legend.textY}}">{{providerId}}</text>
{{/series}}
</g>
</svg>
`;
