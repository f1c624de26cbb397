using System.Text;
using Remediation.Core.Mailboxes;

namespace Remediation.Core.Tests;

/// <summary>
/// What the store hands the scan: a sender-chosen Message-ID kept only while it could be a real one, and content read
/// up to the tenant's limit and no further, saying when it was cut.
/// </summary>
public sealed class StoredContentTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(998, true)]
    [InlineData(999, false)]
    [InlineData(0, false)]
    public void Usable_MessageIdUpToRfc5322sLineLimit_IsKept(int length, bool kept)
    {
        var messageId = new string('m', length);

        Assert.Equal(kept ? messageId : null, MailboxMessage.Usable(messageId));
    }

    [Fact]
    public void Usable_NoMessageId_IsNull() => Assert.Null(MailboxMessage.Usable(null));

    [Theory]
    [InlineData(10, 10, false)]
    [InlineData(10, 11, false)]
    [InlineData(11, 10, true)]
    public void Within_ContentAgainstTheLimit_KeepsAtMostTheLimitAndSaysWhenCut(int length, long limit, bool cut)
    {
        var content = Encoding.ASCII.GetBytes(new string('x', length));

        var within = StoredContent.Within(content, limit);

        Assert.Equal(Math.Min(length, limit), within.Content.Length);
        Assert.Equal(cut, within.Cut);
    }

    [Theory]
    [InlineData(100_000, 100_000, false)]
    [InlineData(100_001, 100_000, true)]
    [InlineData(250_000, 90_000, true)]
    [InlineData(50, 1_000_000, false)]
    public async Task ReadContentAsync_StreamAgainstTheLimit_ReadsAtMostTheLimitInOrderAndSaysWhenCut(int length, long limit, bool cut)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();

        var (content, wasCut) = await StoredMessage.ReadContentAsync(new MemoryStream(bytes), limit, CancellationToken.None);

        Assert.Equal(bytes.Take((int)Math.Min(length, limit)), content.ToArray());
        Assert.Equal(cut, wasCut);
    }
}
