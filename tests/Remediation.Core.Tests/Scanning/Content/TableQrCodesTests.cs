using System.Text;
using QRCoder;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Tests.Scanning.Content;

public sealed class TableQrCodesTests
{
    private const string Code = "https://parcel-redelivery.pages.dev/pay";

    [Theory]
    [InlineData("<td bgcolor=\"#000000\"></td>", "<td bgcolor=\"#ffffff\"></td>")]
    [InlineData("<td style=\"width:4px;height:4px;background-color:rgb(17, 17, 17)\"></td>", "<td style=\"width:4px;height:4px\"></td>")]
    [InlineData("<TD STYLE=\"background:#222\">", "<TD STYLE=\"background:#fff\">")]
    public void In_TableWhoseCellsAreModules_IsRead(string dark, string light)
    {
        var html = Table(dark, light);

        Assert.True(TableQrCodes.MayHoldOne(html));
        Assert.Equal([Code], TableQrCodes.In(html));
    }

    [Fact]
    public void In_CodeTableInsideALayoutTable_IsRead()
    {
        var html = "<table><tr><td>Scan to pay</td><td>" + Table("<td bgcolor=black></td>", "<td></td>") + "</td></tr></table>";

        Assert.Equal([Code], TableQrCodes.In(html));
    }

    [Fact]
    public void In_TableTheBodyNeverCloses_IsRead()
    {
        var html = Table("<td bgcolor=black>", "<td>").Replace("</table>", "", StringComparison.Ordinal);

        Assert.Equal([Code], TableQrCodes.In(html));
    }

    [Fact]
    public void In_DataTableOfManyCells_IsNothing()
    {
        var rows = Enumerable.Range(0, 30).Select(r => "<tr>" + string.Concat(Enumerable.Range(0, 30).Select(c => $"<td>{r * c}</td>")) + "</tr>");
        var html = "<table>" + string.Concat(rows) + "</table>";

        Assert.True(TableQrCodes.MayHoldOne(html));
        Assert.Empty(TableQrCodes.In(html));
    }

    [Fact]
    public void MayHoldOne_OrdinaryNewsletterTable_IsFalse()
    {
        Assert.False(TableQrCodes.MayHoldOne("<table><tr><td>News</td><td><img src=x></td></tr></table>"));
    }

    internal static string Table(string dark, string light)
    {
        var modules = new QRCodeGenerator().CreateQrCode(Code, QRCodeGenerator.ECCLevel.M).ModuleMatrix;
        var table = new StringBuilder("<table cellspacing=\"0\" cellpadding=\"0\">");
        foreach (var row in modules)
        {
            table.Append("<tr>");
            for (var x = 0; x < modules.Count; x++) table.Append(row[x] ? dark : light);
            table.Append("</tr>");
        }
        return table.Append("</table>").ToString();
    }
}
