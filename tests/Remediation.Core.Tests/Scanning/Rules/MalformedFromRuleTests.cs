using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class MalformedFromRuleTests
{
    private readonly MalformedFromRule _sut = new();

    [Theory]
    [InlineData("\"Parcel Service\", _ <notice@random-sender.example>")]
    [InlineData("Parcel Service, <>, Parcel Service, notice@random-sender.example")]
    [InlineData("\"Parcel Service\" <>")]
    [InlineData("Parcel Service <notice@parcelservice>")]
    public void Evaluate_FromThatHidesTheSender_Fires(string from)
    {
        var hit = Assert.Single(_sut.Evaluate(Read(from)));

        Assert.Equal(MalformedFromRule.Name, hit.Rule);
        Assert.Equal(4, hit.Weight);
    }

    [Theory]
    [InlineData("\"Doe, Jane\" <jane.doe@partner.example>")]
    [InlineData("Jane Doe <jane.doe@partner.example>")]
    [InlineData("jane.doe@partner.example")]
    public void Evaluate_OrdinaryFrom_DoesNotFire(string from)
    {
        Assert.Empty(_sut.Evaluate(Read(from)));
    }

    private static ScannedMessage Read(string from) => TestMail.Read(TestMail.Parse(
        $"From: {from}\r\nTo: alice@{TestMail.Domain}\r\nSubject: Notice\r\nMessage-ID: <1@partner.example>\r\n\r\nHello.\r\n"));

    [Theory]
    [InlineData("\"Parcel Service\", _ <notice@random-sender.example>", "The From header holds 2 entries where a reader sees only the first: \"Parcel Service\", _ <notice@random-sender.example>.")]
    [InlineData("\"Parcel Service\" <>", "The From header names no sender address: \"Parcel Service\" <>.")]
    [InlineData("Parcel Service <notice@parcelservice>", "The sender's address is in \"parcelservice\", which is no internet domain: Parcel Service <notice@parcelservice>.")]
    public void Evaluate_FromThatHidesTheSender_SaysHow(string from, string reason)
    {
        var hit = Assert.Single(_sut.Evaluate(Read(from)));

        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.Equal(reason, hit.Reason);
    }

    [Fact]
    public void Evaluate_TwoFromHeaders_ShowsTheFirst()
    {
        var message = TestMail.Read(TestMail.Parse(
            $"From: Parcel Service <notice@parcel.example>\r\nFrom: x@random-sender.example\r\nTo: alice@{TestMail.Domain}\r\nSubject: Notice\r\n\r\nHello.\r\n"));

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal(4, hit.Weight);
        Assert.Equal("The message has 2 From headers; readers see one: Parcel Service <notice@parcel.example>.", hit.Reason);
    }

    [Fact]
    public void Evaluate_NoFromHeader_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read(TestMail.Parse($"To: alice@{TestMail.Domain}\r\nSubject: Notice\r\n\r\nHello.\r\n"))));
    }

    [Fact]
    public void Evaluate_FromOfTwoHundredCharacters_ShownWhole()
    {
        var from = "\"" + new string('A', 200 - "\"\", _ <n@r.example>".Length) + "\", _ <n@r.example>";

        var hit = Assert.Single(_sut.Evaluate(Read(from)));

        Assert.EndsWith($": {from}.", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LongerFrom_CutAtTwoHundredCharacters()
    {
        var from = "\"" + new string('A', 201 - "\"\", _ <n@r.example>".Length) + "\", _ <n@r.example>";

        var hit = Assert.Single(_sut.Evaluate(Read(from)));

        Assert.EndsWith($": {from[..200]}….", hit.Reason, StringComparison.Ordinal);
    }

    // Commas inside quotes, escaped quotes, comments (with escaped parentheses) and angle brackets do not separate entries.
    [Theory]
    [InlineData("\"Doe \\\", Jane\" <jane.doe@partner.example>")]
    [InlineData("Jane Doe (Sales, EMEA) <jane.doe@partner.example>")]
    [InlineData("Jane Doe (Sales \\) , EMEA) <jane.doe@partner.example>")]
    [InlineData("\"Doe (Sales, Jane\" <jane.doe@partner.example>")]
    [InlineData("\"Doe <Sales, Jane\" <jane.doe@partner.example>")]
    [InlineData("Jane Doe <jane,doe@partner.example>")]
    [InlineData(", <jane.doe@partner.example>")]
    [InlineData("jane.doe@partner.example,  ,")]
    public void Evaluate_CommaThatSeparatesNoEntry_DoesNotFire(string from)
    {
        Assert.Empty(_sut.Evaluate(Read(from)));
    }

    // A closing bracket or parenthesis that opened nothing, or a backslash outside quotes, leaves the comma separating.
    [Theory]
    [InlineData("Parcel > Service, <notice@random-sender.example>")]
    [InlineData("Parcel ) Service, <notice@random-sender.example>")]
    [InlineData("Parcel \\, Service <notice@random-sender.example>")]
    public void Evaluate_CommaAfterAStrayCloser_Separates(string from)
    {
        var hit = Assert.Single(_sut.Evaluate(Read(from)));

        Assert.StartsWith("The From header holds 2 entries", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<@random-sender.example>")]
    [InlineData("@random-sender.example")]
    [InlineData("Parcel Service <notice@>")]
    [InlineData("Parcel Service <notice@ >")]
    public void Evaluate_AddressWithoutLocalPartOrDomain_NamesNoSender(string from)
    {
        var hit = Assert.Single(_sut.Evaluate(Read(from)));

        Assert.StartsWith("The From header names no sender address", hit.Reason, StringComparison.Ordinal);
    }
}
