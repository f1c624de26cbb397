using MimeKit;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Structure;

namespace Remediation.Core.Tests.Scanning.Structure;

/// <summary>The leaf parts of a message in reading order, attached messages opened, within the part and depth limits.</summary>
public sealed class MimeTreeTests
{
    [Fact]
    public void Walk_NestedMultipartsAndAnAttachedMessage_ListsTheLeavesInOrder()
    {
        var attached = new MimeMessage { Body = new Multipart("mixed", Text("inner-1"), Text("inner-2")) };
        var body = new Multipart("mixed", Text("first"), new Multipart("mixed", Text("second"), Text("third")), new MessagePart { Message = attached }, Text("last"));

        var tree = MimeTree.Walk(new MimeMessage { Body = body }, new ScanLimits());

        Assert.Equal(["first", "second", "third", "inner-1", "inner-2", "last"], tree.Leaves.Select(l => ((TextPart)l).Text));
        Assert.Null(tree.LimitExceeded);
    }

    [Fact]
    public void Walk_NoBody_HasNoLeaves()
    {
        var tree = MimeTree.Walk(new MimeMessage(), new ScanLimits());

        Assert.Empty(tree.Leaves);
        Assert.Null(tree.LimitExceeded);
    }

    [Fact]
    public void Walk_AttachedMessageWithoutABody_AddsNothing()
    {
        var tree = MimeTree.Walk(new MimeMessage { Body = new Multipart("mixed", Text("only"), new MessagePart { Message = new MimeMessage() }) }, new ScanLimits());

        Assert.Equal(["only"], tree.Leaves.Select(l => ((TextPart)l).Text));
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(3, "it has more than 3 MIME parts")]
    public void Walk_PartCount_CountsEveryEntityAgainstTheLimit(int maxParts, string? limit)
    {
        // One multipart and three leaves: four entities.
        var tree = MimeTree.Walk(new MimeMessage { Body = new Multipart("mixed", Text("a"), Text("b"), Text("c")) }, new ScanLimits { MaxParts = maxParts });

        Assert.Equal(limit, tree.LimitExceeded?.Description);
        Assert.Equal(limit is null ? null : ScanLimit.MimeParts, tree.LimitExceeded?.Limit);
    }

    [Theory]
    [InlineData(3, null)]
    [InlineData(2, "its MIME parts nest deeper than 2 levels")]
    public void Walk_Depth_CountsTheBodyAsTheFirstLevel(int maxDepth, string? limit)
    {
        // The body (1), a multipart inside it (2), and its leaf (3).
        var tree = MimeTree.Walk(new MimeMessage { Body = new Multipart("mixed", new Multipart("mixed", Text("deep"))) }, new ScanLimits { MaxMimeDepth = maxDepth });

        Assert.Equal(limit, tree.LimitExceeded?.Description);
        Assert.Equal(limit is null ? null : ScanLimit.MimeDepth, tree.LimitExceeded?.Limit);
    }

    [Fact]
    public void Walk_PastALimit_KeepsTheLeavesFoundBefore()
    {
        var tree = MimeTree.Walk(new MimeMessage { Body = new Multipart("mixed", Text("a"), Text("b"), Text("c")) }, new ScanLimits { MaxParts = 3 });

        Assert.Equal(["a", "b"], tree.Leaves.Select(l => ((TextPart)l).Text));
    }

    private static TextPart Text(string text) => new("plain") { Text = text };
}
