using MimeKit;
using Remediation.Core.Scanning.Structure;

namespace Remediation.Core.Tests.Scanning.Structure;

public class FromHeaderTests
{
    [Theory]
    [InlineData("\"Smith, John\" <john@partner.example>", 1)]
    [InlineData("John (Sales, EMEA) <john@partner.example>", 1)]
    [InlineData("John (Sales (EMEA, APAC)) <john@partner.example>", 1)]
    [InlineData("\"Smith \\\", John\" <john@partner.example>", 1)]
    [InlineData("John <john,smith@partner.example>", 1)]
    [InlineData("(a \\) b, c) john@partner.example", 1)]
    [InlineData("Bank, _ <x@elsewhere.example>", 2)]
    [InlineData("a@one.example, b@two.example, c@three.example", 3)]
    [InlineData("a@one.example, , b@two.example", 2)]
    [InlineData("John (Sales) <a@one.example>, b@two.example", 2)]
    [InlineData("<a@one.example>, <b@two.example>", 2)]
    [InlineData("\"A\" <a@one.example>, \"B\" <b@two.example>", 2)]
    [InlineData("\"A \\\" B\" <a@one.example>, b@two.example", 2)]
    public void Entries_SplitOnlyOnTheCommasBetweenEntries(string value, int count)
    {
        Assert.Equal(count, FromHeader.Entries(value).Count);
    }

    [Theory]
    [InlineData("Name <x@partner.example>", true)]
    [InlineData("x@partner.example", true)]
    [InlineData("Name <@partner.example>", false)]
    [InlineData("Name <x@>", false)]
    [InlineData("Name <>", false)]
    [InlineData("Name", false)]
    public void HasAddress_WantsALocalPartAndADomain(string entry, bool expected)
    {
        Assert.Equal(expected, FromHeader.HasAddress(entry));
    }

    [Theory]
    [InlineData("Netflix <>", "Netflix")]
    [InlineData("\"Netflix\"", "Netflix")]
    [InlineData("Netflix, _ <x@elsewhere.example>", "Netflix")]
    [InlineData("\"Netflix Billing\" ,_<x@elsewhere.example>", "Netflix Billing")]
    [InlineData("=?utf-8?B?TmV0ZmxpeA==?=, _ <x@elsewhere.example>", "Netflix")]
    public void HiddenSenderName_HeaderThatHidesItsAddress_IsTheNameShown(string from, string expected)
    {
        Assert.Equal(expected, FromHeader.HiddenSenderName(Message(from)));
    }

    [Theory]
    [InlineData("\"Netflix\" <billing@netflix.example>")]
    [InlineData("billing@netflix.example")]
    [InlineData("<>")]
    [InlineData("<a@one.example>, <b@two.example>")]
    public void HiddenSenderName_OrdinaryHeaderOrNoNameShown_IsNull(string from)
    {
        Assert.Null(FromHeader.HiddenSenderName(Message(from)));
    }

    [Fact]
    public void HiddenSenderName_NoFromHeader_IsNull()
    {
        Assert.Null(FromHeader.HiddenSenderName(TestMail.Parse("To: alice@contoso.example\r\nSubject: x\r\n\r\nbody\r\n")));
    }

    private static MimeMessage Message(string from) => TestMail.Parse($"From: {from}\r\nTo: alice@contoso.example\r\nSubject: x\r\n\r\nbody\r\n");
}
