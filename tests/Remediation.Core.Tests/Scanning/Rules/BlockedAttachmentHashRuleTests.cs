using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class BlockedAttachmentHashRuleTests
{
    private static readonly string NotesSha256 = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes("Minutes of the meeting.\n")));

    [Fact]
    public void Evaluate_AttachmentWithBlockedHash_FiresAsMalware()
    {
        var sut = new BlockedAttachmentHashRule(Options.Create(new DetectionOptions { BlockedAttachmentSha256 = [NotesSha256] }));

        var hit = Assert.Single(sut.Evaluate(TestMail.Read("Attachments", "text-attachment.eml")));

        Assert.Equal(ThreatCategory.Malware, hit.Category);
    }

    [Fact]
    public void Evaluate_AttachmentWithOtherHash_DoesNotFire()
    {
        var sut = new BlockedAttachmentHashRule(Options.Create(new DetectionOptions { BlockedAttachmentSha256 = [new string('0', 64)] }));

        Assert.Empty(sut.Evaluate(TestMail.Read("Attachments", "text-attachment.eml")));
    }

    [Fact]
    public void Evaluate_BlockedHashWrittenWithSpaces_NamesTheFileAndHash()
    {
        var sut = new BlockedAttachmentHashRule(Options.Create(new DetectionOptions { BlockedAttachmentSha256 = [$"  {NotesSha256} "] }));

        var hit = Assert.Single(sut.Evaluate(TestMail.Read("Attachments", "text-attachment.eml")));

        Assert.Equal(BlockedAttachmentHashRule.Name, hit.Rule);
        Assert.Equal(20, hit.Weight);
        Assert.Equal($"Attachment \"notes.txt\" has the blocked SHA-256 {NotesSha256.ToLowerInvariant()}.", hit.Reason);
    }

    [Fact]
    public void Evaluate_NoHashBlocked_DoesNotFire()
    {
        var sut = new BlockedAttachmentHashRule(Options.Create(new DetectionOptions()));

        Assert.Empty(sut.Evaluate(TestMail.Read("Attachments", "text-attachment.eml")));
    }
}
