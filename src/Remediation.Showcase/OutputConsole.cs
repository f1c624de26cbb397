using Spectre.Console;

namespace Remediation.Showcase;

/// <summary>A Spectre console over any writer: colours and live views on a terminal, plain text elsewhere.</summary>
internal static class OutputConsole
{
    public static IAnsiConsole Create(TextWriter output)
    {
        // Spectre judges a terminal from the environment; a redirected output (a CI log, a file) or any other writer is none.
        var isTerminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Off a terminal Spectre assumes 80 columns and wraps; logs and tests read whole lines better.
        if (!isTerminal) console.Profile.Width = 160;
        return console;
    }
}
