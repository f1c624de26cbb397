using System.ComponentModel.DataAnnotations;

namespace Remediation.Core.Hunting;

/// <summary>How far back hunts look, and how they share the pipeline with live mail.</summary>
public sealed class HuntOptions
{
    public const string Section = "Hunting";

    /// <summary>How far back a hunt started by a trigger looks (and an analyst's, unless they say).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Re-scan mail judged clean or suspicious within the window when the engine's version changes.</summary>
    public bool RescanOnEngineChange { get; set; } = true;

    /// <summary>
    /// Live mail first: while more scan requests than this wait, a hunt pauses. Hunts fetch mail again from Graph and
    /// would otherwise delay the verdict on what arrives now.
    /// </summary>
    [Range(0, 1_000_000)]
    public int PauseWhileScansQueued { get; set; } = 50;

    /// <summary>Index entries read at a time; progress is saved after each page (Table storage returns at most 1,000).</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>How long one run of the hunt stage works before it queues the rest of the hunt behind other work.</summary>
    public TimeSpan Slice { get; set; } = TimeSpan.FromMinutes(2);
}
