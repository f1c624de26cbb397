using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;

namespace Remediation.Core.Scanning;

/// <summary>
/// Makes the legacy code pages that mail still declares (windows-1252 and -1251, ISO-8859-2, KOI8-R, Shift_JIS,
/// GB2312…) decodable before any message is read. .NET ships them but decodes only Unicode, ASCII and Latin-1
/// until they are registered; without them a body in windows-1256 loses its zero-width joiners, one in windows-1251
/// its Cyrillic look-alikes and one in windows-1252 its euro signs, which is what the rules read.
/// </summary>
internal static class LegacyCharsets
{
    // Every host that loads this library reads mail with it, and each would have to remember the registration.
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The registration is process-wide and idempotent, and is needed by every host before the first message is decoded.")]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
