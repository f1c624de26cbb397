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
}
