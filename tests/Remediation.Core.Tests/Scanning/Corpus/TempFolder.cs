namespace Remediation.Core.Tests.Scanning.Corpus;

/// <summary>A folder of its own under the system's temporary folder, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("corpus-tests-").FullName;

    /// <summary>Writes a file at this relative path, creating the folders on the way.</summary>
    public string Write(string relativePath, string content)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
