using MimeKit;

namespace Remediation.Core.Scanning.Structure;

/// <summary>The message's leaf parts, found without recursion and within the part-count and nesting limits.</summary>
internal sealed record MimeTree(IReadOnlyList<MimePart> Leaves, UnscannableReason? LimitExceeded)
{
    public static MimeTree Walk(MimeMessage message, ScanLimits limits)
    {
        var leaves = new List<MimePart>();
        var pending = new Stack<(MimeEntity Entity, int Depth)>();
        if (message.Body is not null) pending.Push((message.Body, 1));
        var parts = 0;
        while (pending.TryPop(out var item))
        {
            if (++parts > limits.MaxParts) return new(leaves, new(ScanLimit.MimeParts, $"it has more than {limits.MaxParts} MIME parts"));
            if (item.Depth > limits.MaxMimeDepth) return new(leaves, new(ScanLimit.MimeDepth, $"its MIME parts nest deeper than {limits.MaxMimeDepth} levels"));
            switch (item.Entity)
            {
                case Multipart multipart:
                    for (var i = multipart.Count - 1; i >= 0; i--) pending.Push((multipart[i], item.Depth + 1));
                    break;
                case MessagePart { Message.Body: { } attachedBody }:
                    pending.Push((attachedBody, item.Depth + 1));
                    break;
                case MimePart leaf:
                    leaves.Add(leaf);
                    break;
            }
        }
        return new(leaves, null);
    }
}
