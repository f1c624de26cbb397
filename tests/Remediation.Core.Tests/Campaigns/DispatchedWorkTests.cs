using Remediation.Core.Campaigns;

namespace Remediation.Core.Tests.Campaigns;

// Marks are stored: a mark written by one release must still mean the same work to the next.
public sealed class DispatchedWorkTests
{
    [Fact]
    public void Sweep_IsTheTenantWideSweepMark() => Assert.Equal(new DispatchedWork("*", "sweep"), DispatchedWork.Sweep);

    [Fact]
    public void RecipientSearch_IsTenantWideUnderTheSearchPrefix() =>
        Assert.Equal(new DispatchedWork("*", "imid:<m1@sender.example>"), DispatchedWork.RecipientSearch("<m1@sender.example>"));

    [Fact]
    public void Copy_IsTheMessageIdInItsMailbox() => Assert.Equal(new DispatchedWork("user0001", "AAMk/abc=="), DispatchedWork.Copy("user0001", "AAMk/abc=="));

    [Fact]
    public void Search_IsTheMessageIdInItsMailboxUnderTheSearchPrefix() =>
        Assert.Equal(new DispatchedWork("user0001", "imid:<m1@sender.example>"), DispatchedWork.Search("user0001", "<m1@sender.example>"));

    [Fact]
    public void Search_SameIdAsACopy_IsOtherWork() => Assert.NotEqual(DispatchedWork.Copy("user0001", "x"), DispatchedWork.Search("user0001", "x"));

    [Fact]
    public void RecipientSearch_MessageIdSpellingTheSweep_IsNotTheSweep() => Assert.NotEqual(DispatchedWork.Sweep, DispatchedWork.RecipientSearch("sweep"));

    [Fact]
    public void Copy_SameMessageInAnotherMailbox_IsOtherWork() => Assert.NotEqual(DispatchedWork.Copy("user0001", "x"), DispatchedWork.Copy("user0002", "x"));
}
