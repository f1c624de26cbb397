using System.Globalization;
using System.Security;
using System.Text;

namespace Remediation.Showcase.Bench;

/// <summary>An SVG line chart of time to remediate over campaign size, with the ideal bound beside it, so growth shows.</summary>
internal static class TimeToRemediateChart
{
    private const double Width = 760, Height = 440, Left = 70, Top = 50, PlotWidth = 460, PlotHeight = 320;

    private static readonly (string Label, string Colour, bool Dashed, Func<CampaignRemediationResult, double> Value)[] Series =
    [
        ("whole campaign remediated", "#c0392b", false, r => r.Seconds),
        ("p50 per copy", "#2980b9", false, r => r.TimeToRemediateSeconds.P50),
        ("ideal bound", "#7f8c8d", true, r => r.IdealSeconds),
    ];

    public static string Render(IReadOnlyList<CampaignRemediationResult> results, string title)
    {
        var maxX = results.Max(r => r.Mailboxes);
        var maxY = NiceCeiling(results.Max(r => Series.Max(s => s.Value(r))));
        double X(double mailboxes) => Left + mailboxes / maxX * PlotWidth;
        double Y(double seconds) => Top + PlotHeight - seconds / maxY * PlotHeight;

        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        Append(svg, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        Append(svg, $"<text x=\"{Left}\" y=\"24\" font-size=\"15\" font-weight=\"bold\">{SecurityElement.Escape(title)}</text>");
        for (var i = 0; i <= 5; i++)
        {
            var seconds = maxY * i / 5;
            Append(svg, $"<line x1=\"{Left}\" y1=\"{Y(seconds)}\" x2=\"{Left + PlotWidth}\" y2=\"{Y(seconds)}\" stroke=\"#e5e5e5\"/>");
            Append(svg, $"<text x=\"{Left - 8}\" y=\"{Y(seconds) + 4}\" text-anchor=\"end\">{seconds:0.#}</text>");
        }
        foreach (var mailboxes in results.Select(r => r.Mailboxes).Prepend(0))
        {
            Append(svg, $"<text x=\"{X(mailboxes)}\" y=\"{Top + PlotHeight + 18}\" text-anchor=\"middle\">{mailboxes:N0}</text>");
        }
        Append(svg, $"<line x1=\"{Left}\" y1=\"{Top + PlotHeight}\" x2=\"{Left + PlotWidth}\" y2=\"{Top + PlotHeight}\" stroke=\"black\"/>");
        Append(svg, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + PlotHeight}\" stroke=\"black\"/>");
        Append(svg, $"<text x=\"{Left + PlotWidth / 2}\" y=\"{Top + PlotHeight + 40}\" text-anchor=\"middle\">mailboxes with one copy each</text>");
        Append(svg, $"<text x=\"18\" y=\"{Top + PlotHeight / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {Top + PlotHeight / 2})\">seconds from delivery</text>");

        for (var s = 0; s < Series.Length; s++)
        {
            var (label, colour, dashed, value) = Series[s];
            var dash = dashed ? " stroke-dasharray=\"6 4\"" : "";
            var points = string.Join(' ', results.Select(r => Invariant($"{X(r.Mailboxes):0.#},{Y(value(r)):0.#}")));
            Append(svg, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>");
            foreach (var result in results)
            {
                // A campaign not remediated in full is drawn hollow and says how far it got.
                var fill = result.Completed ? colour : "white";
                var shortfall = s == 0 && !result.Completed ? Invariant($" ({result.Remediated:N0} of {result.Mailboxes:N0} only)") : "";
                Append(svg, $"<circle cx=\"{X(result.Mailboxes)}\" cy=\"{Y(value(result))}\" r=\"3.5\" fill=\"{fill}\" stroke=\"{colour}\"/>");
                Append(svg, $"<text x=\"{X(result.Mailboxes) + 6}\" y=\"{Y(value(result)) - 6}\" fill=\"{colour}\" font-size=\"11\">{value(result):0.#} s{shortfall}</text>");
            }
            // The legend sits top left, where times that grow with size leave the plot empty.
            var legendY = Top + 14 + s * 20;
            Append(svg, $"<line x1=\"{Left + 16}\" y1=\"{legendY}\" x2=\"{Left + 40}\" y2=\"{legendY}\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>");
            Append(svg, $"<text x=\"{Left + 46}\" y=\"{legendY + 4}\">{label}</text>");
        }
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    // 1, 2, 2.5 or 5 times a power of ten, at or above the value: round gridlines.
    private static double NiceCeiling(double value)
    {
        if (value <= 0) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(step => step * power).First(candidate => candidate >= value);
    }

    private static void Append(StringBuilder svg, FormattableString line) => svg.AppendLine(Invariant(line));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
