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

    [Theory]
    [InlineData("<style>.b{background:#000}.w{background:#fff}</style>", "<td class=\"b\"></td>", "<td class=\"w\"></td>")]
    [InlineData("<style>/* } */ table.qr td { width:4px; background-color: black } td.w { background-color: white }</style>", "<td></td>", "<td class=\"x w\"></td>")]
    [InlineData("<style>.b, .k { background: rgb(0,0,0) } td { background: white }</style>", "<td class=\"k\"></td>", "<td></td>")]
    [InlineData("<style>.w{background:#fff}</style>", "<td class=\"w\" style=\"background:#000\"></td>", "<td class=\"w\"></td>")]
    [InlineData("<style>.b{background:#000}</style>", "<td class=\"b\" bgcolor=\"#fff\"></td>", "<td bgcolor=\"#fff\"></td>")]
    public void In_CellsColouredByTheStyleSheet_AreReadAsABrowserShowsThem(string sheet, string dark, string light)
    {
        var html = "<html><head>" + sheet + "</head><body>" + Table(dark, light) + "</body></html>";

        Assert.Equal([Code], TableQrCodes.In(html));
    }

    [Fact]
    public void In_StyleSheetAfterTheTable_StillColoursIt()
    {
        var html = Table("<td class=b></td>", "<td></td>") + "<style>.b{background-color:#111}</style>";

        Assert.Equal([Code], TableQrCodes.In(html));
    }

    [Fact]
    public void In_ClassesTheStyleSheetDoesNotColour_IsNothing()
    {
        var html = "<style>.b{color:#000}</style>" + Table("<td class=b></td>", "<td></td>");

        Assert.Empty(TableQrCodes.In(html));
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
