using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class ReplyWithoutThreadRuleTests
{
    private readonly ReplyWithoutThreadRule _sut = new();

    [Fact]
    public void Evaluate_ReplySubjectWithoutThreadHeaders_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "reply-without-thread.eml")));

        Assert.Equal(ReplyWithoutThreadRule.Name, hit.Rule);
        Assert.Contains("Re:", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ReplyWithInReplyTo_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Headers", "reply-in-thread.eml")));
    }
}
