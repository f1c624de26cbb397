using Remediation.Core.Scanning;
using MimeKit;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class ExecutableAttachmentRuleTests
{
    private readonly ExecutableAttachmentRule _sut = new();

    [Fact]
    public void Evaluate_WindowsExecutableNamedPdf_FiresByContent()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Attachments", "executable-named-as-pdf.eml")));

        Assert.Equal(10, hit.Weight);
        Assert.Contains("PortableExecutable", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ScriptNamedJs_FiresByName()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Attachments", "script-by-name.eml")));

        Assert.Equal(8, hit.Weight);
        Assert.Contains(".js", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TextAttachment_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Attachments", "text-attachment.eml")));
    }

    [Fact]
    public void Evaluate_ExecutableByContentWithExecutableName_OneHitByContent()
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("setup.exe", RuleMail.Executable))));

        Assert.Equal(10, hit.Weight);
        Assert.Equal(ThreatCategory.Malware, hit.Category);
        Assert.Equal("Attachment \"setup.exe\" is a PortableExecutable by its content.", hit.Reason);
    }

    [Fact]
    public void Evaluate_ShebangScriptWithExecutableName_OneHitByName()
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("run.js", RuleMail.Ascii("#!/usr/bin/env node\nconsole.log(1);\n")))));

        Assert.Equal(8, hit.Weight);
        Assert.Equal("Attachment \"run.js\" has the executable extension .js.", hit.Reason);
    }

    [Fact]
    public void Evaluate_ShebangScript_FiresLow()
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("notes.txt", RuleMail.Ascii("plain")), ("install.sh", RuleMail.Ascii("#!/bin/sh\necho hi\n")))));

        Assert.Equal(3, hit.Weight);
        Assert.Equal(ThreatCategory.Malware, hit.Category);
        Assert.Equal("Attachment \"install.sh\" is a script with a #! interpreter line.", hit.Reason);
    }

    [Fact]
    public void Evaluate_ShebangScriptNamedAsDiskImage_OneHitAsScript()
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("disk.iso", RuleMail.Ascii("#!/bin/sh\necho hi\n")))));

        Assert.Equal(3, hit.Weight);
    }

    [Fact]
    public void Evaluate_DiskImageByName_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("notes.txt", RuleMail.Ascii("plain")), ("invoice.img", RuleMail.Ascii("not really an image")))));

        Assert.Equal(6, hit.Weight);
        Assert.Equal("Attachment \"invoice.img\" is a disk image.", hit.Reason);
    }

    [Fact]
    public void Evaluate_DiskImageByContent_Fires()
    {
        var iso = new byte[0x8010];
        "CD001"u8.CopyTo(iso.AsSpan(0x8001));

        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("data.bin", iso))));

        Assert.Equal(6, hit.Weight);
        Assert.Contains("\"data.bin\" is a disk image", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnnamedExecutable_DescribedByItsContentType()
    {
        var part = new MimePart("application", "octet-stream") { Content = new MimeContent(new MemoryStream(RuleMail.Executable)) };
        var message = new MimeMessage { Subject = "File", Body = new Multipart("mixed") { new TextPart("plain") { Text = "See attached." }, part } };
        message.From.Add(MailboxAddress.Parse("bob@partner.example"));
        message.To.Add(MailboxAddress.Parse("alice@contoso.example"));

        var hit = Assert.Single(_sut.Evaluate(TestMail.Read(message)));

        Assert.Equal("Attachment (application/octet-stream) is a PortableExecutable by its content.", hit.Reason);
    }
}
